# Sourced by backup.sh / restore.sh: turns Storage__ConnectionString (Npgsql "Key=Value;..." form) into the
# PG* environment variables pg_dump and pg_restore read.
: "${Storage__ConnectionString:?Storage__ConnectionString must name the PostgreSQL database}"
IFS=';' read -ra parts <<< "$Storage__ConnectionString"
for part in "${parts[@]}"; do
  key=$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' '); value=${part#*=}
  case "$key" in
    host|server) export PGHOST=$value ;;
    port) export PGPORT=$value ;;
    username|user|userid|"user id") export PGUSER=$value ;;
    password) export PGPASSWORD=$value ;;
    database) export PGDATABASE=$value ;;
  esac
done
