default_app_config = 'ralph.security.apps.SecurityConfig'
