#!/usr/bin/env bash
# scripts/restore.sh <archive.tar>: puts back what scripts/backup.sh saved: Pier's database (its tables replaced by
# the archive's) and each volume (created with its labels if missing, its contents replaced by the archive's). Run
# it before Pier's processes start (with compose: only `postgres` up); Pier then starts every app again, rebuilding
# the images it no longer has. Settings as backup.sh: DATABASE_URL, PIER_BACKUP_PG_IMAGE, PIER_BACKUP_IMAGE.
set -euo pipefail

archive="${1:?usage: scripts/restore.sh <archive.tar>}"
# The same database as docker-compose.yml's services, unless DATABASE_URL names another.
compose_url="postgresql://pier:${POSTGRES_PASSWORD:-pier}@127.0.0.1:${POSTGRES_PORT:-5432}/${POSTGRES_DB:-pier}"
database_url="${DATABASE_URL:-$compose_url}"
tar_image="${PIER_BACKUP_IMAGE:-debian:bookworm-slim}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xf "$archive"
if [ ! -f "$work/pier.dump" ]; then
  echo "restore: $archive has no pier.dump: not a backup of scripts/backup.sh" >&2
  exit 1
fi

# --clean --if-exists: the archive's tables replace those there, whether the database is empty or not.
restore_options=(--clean --if-exists --no-owner --single-transaction --exit-on-error)
if [ -n "${PIER_BACKUP_PG_IMAGE:-}" ]; then
  docker run --rm -i --network host "$PIER_BACKUP_PG_IMAGE" pg_restore "${restore_options[@]}" \
    --dbname="$database_url" < "$work/pier.dump"
else
  pg_restore "${restore_options[@]}" --dbname="$database_url" "$work/pier.dump"
fi
echo "restore: database" >&2

for tarball in "$work"/volumes/*.tgz; do
  [ -e "$tarball" ] || continue
  name="$(basename "$tarball" .tgz)"
  if ! docker volume inspect "$name" > /dev/null 2>&1; then
    labels=()
    while IFS= read -r label; do [ -n "$label" ] && labels+=(--label "$label"); done < "$work/volumes/$name.labels"
    docker volume create "${labels[@]}" "$name" > /dev/null
  fi
  # What the volume holds now goes: the archive's contents replace it.
  docker run --rm -i -v "$name:/to" "$tar_image" \
    sh -c 'find /to -mindepth 1 -delete && tar -C /to -xzf -' < "$tarball"
  echo "restore: volume $name" >&2
done
