default_app_config = 'ralph.networks.apps.Networks'
