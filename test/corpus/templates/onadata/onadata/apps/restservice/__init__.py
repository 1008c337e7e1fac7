SERVICE_CHOICES = ((u'f2dhis2', u'f2dhis2'), (u'generic_json', u'JSON POST'),
                   (u'generic_xml', u'XML POST'), (u'bamboo', u'bamboo'),
                   (u'textit', u'TextIt POST'),
                   (u'google_sheets', u'Google Sheet'))
