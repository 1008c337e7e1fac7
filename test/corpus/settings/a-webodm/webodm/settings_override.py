# Do not touch. This file can be bind-mount replaced
# by docker-compose for customized settings