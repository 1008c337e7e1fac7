default_app_config = 'cabot.cabotapp.apps.CabotappConfig'
