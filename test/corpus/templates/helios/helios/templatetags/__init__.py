# Django template tags package
