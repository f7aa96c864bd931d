#!/usr/bin/env bash
# Backs up a CloudOMS deployment while it runs, into one .tar.gz:
#   - embedded default (SQLite): grains.db, readmodel.db, identity.db and billing.db copied with SQLite's online backup
#     (consistent even while the portal writes), plus keys/ (OIDC signing keys, data protection key ring);
#   - PostgreSQL (Storage__Provider=Postgres): a pg_dump of the database in Storage__ConnectionString, plus the
#     data folder's SQLite files and keys/ as above.
# Usage: deploy/backup.sh <data-folder> <backup.tar.gz>
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 <data-folder> <backup.tar.gz>" >&2; exit 2; }
data=$1; out=$(realpath -m "$2"); mkdir -p "$(dirname "$out")"
[ -d "$data" ] || { echo "no data folder at $data" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/backup"

for db in grains.db readmodel.db identity.db billing.db; do
  [ -f "$data/$db" ] && sqlite3 "$data/$db" ".timeout 30000" ".backup '$work/backup/$db'"
done
[ -d "$data/keys" ] && cp -a "$data/keys" "$work/backup/keys"

provider=${Storage__Provider:-Sqlite}
if [ "$provider" = Postgres ]; then
  # shellcheck source=deploy/pg-env.sh
  . "$(dirname "$0")/pg-env.sh"
  pg_dump --format=custom --no-owner --file="$work/backup/grains.pgdump"
fi

(cd "$work/backup" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)
printf 'provider=%s\ncreated=%s\n' "$provider" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$work/backup/BACKUP-INFO"
tar -C "$work/backup" -czf "$out" .
echo "backup written: $out ($(du -h "$out" | cut -f1), provider $provider)"
