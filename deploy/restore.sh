#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into an empty data folder. Stop CloudOMS first, restore, then start
# it on that folder. For PostgreSQL the dump is restored into the database in Storage__ConnectionString
# (objects of the dump are dropped and recreated there).
# Usage: deploy/restore.sh <backup.tar.gz> <data-folder>
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 <backup.tar.gz> <data-folder>" >&2; exit 2; }
in=$(realpath -m "$1"); data=$2
[ -f "$in" ] || { echo "no backup at $in" >&2; exit 1; }
if [ -d "$data" ] && [ -n "$(ls -A "$data")" ]; then
  echo "$data is not empty: restore into a new folder (keeping the current one untouched)" >&2; exit 1
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$in"
(cd "$work" && sha256sum --quiet -c SHA256SUMS) || { echo "backup is damaged (checksums differ)" >&2; exit 1; }
mkdir -p "$data"
for db in grains.db readmodel.db identity.db billing.db; do
  [ -f "$work/$db" ] && cp "$work/$db" "$data/$db"
done
[ -d "$work/keys" ] && cp -a "$work/keys" "$data/keys"
if [ -f "$work/grains.pgdump" ]; then
  # shellcheck source=deploy/pg-env.sh
  . "$(dirname "$0")/pg-env.sh"
  pg_restore --clean --if-exists --no-owner --dbname="$PGDATABASE" "$work/grains.pgdump"
fi
echo "restored into $data ($(grep provider "$work/BACKUP-INFO"))"
