default_app_config = 'ralph.domains.apps.Domains'
