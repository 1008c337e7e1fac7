# Name of RDS DB from which local is replicated
PRINCIPAL_DB_NAME = "principal"

PRIVATE_DATA_BUCKET_NAME = "pollingstations.private.data"
