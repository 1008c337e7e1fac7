default_app_config = 'ralph.deployment.apps.DeploymentConfig'
