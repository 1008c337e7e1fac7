default_app_config = 'ralph.dc_view.apps.DCViewConfig'
