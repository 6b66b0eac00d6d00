#!/usr/bin/env bash
# scripts/backup.sh <archive.tar>: everything Pier keeps that a new machine needs, in one archive: Pier's database
# (pg_dump, custom format) and the Docker volumes that hold state (the apps' volumes, and compose's pier-secrets
# volume with the secrets key), each with its labels. scripts/restore.sh puts it back.
#
# Settings (environment), defaults as docker-compose.yml has them:
#   DATABASE_URL    Pier's database (default: postgresql://pier:$POSTGRES_PASSWORD@127.0.0.1:$POSTGRES_PORT/pier)
#   PIER_BACKUP_PG_IMAGE   run pg_dump in this image (host network) instead of the host's pg_dump, e.g.
#                          postgres:16-bookworm when the host's pg_dump is older than the server
#   PIER_BACKUP_VOLUME_FILTERS   `docker volume ls` filters, each selecting volumes to include (space-separated;
#                                default: Pier's app volumes and compose's pier-secrets volume)
#   PIER_BACKUP_IMAGE   the image whose tar reads the volumes (default: debian:bookworm-slim)
# tests/e2e/backup-restore.test.ts runs it, and the restore, against a scratch database and volume.
set -euo pipefail

archive="${1:?usage: scripts/backup.sh <archive.tar>}"
# The same database as docker-compose.yml's services, unless DATABASE_URL names another.
compose_url="postgresql://pier:${POSTGRES_PASSWORD:-pier}@127.0.0.1:${POSTGRES_PORT:-5432}/${POSTGRES_DB:-pier}"
database_url="${DATABASE_URL:-$compose_url}"
filters="${PIER_BACKUP_VOLUME_FILTERS:-label=pier.volume label=com.docker.compose.volume=pier-secrets}"
tar_image="${PIER_BACKUP_IMAGE:-debian:bookworm-slim}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/volumes"

# The database, whole: schema and rows, restorable over an existing one (restore.sh uses --clean).
if [ -n "${PIER_BACKUP_PG_IMAGE:-}" ]; then
  docker run --rm --network host "$PIER_BACKUP_PG_IMAGE" pg_dump --format=custom --no-owner "$database_url" \
    > "$work/pier.dump"
else
  pg_dump --format=custom --no-owner --file="$work/pier.dump" "$database_url"
fi

# Each volume as a tarball of its contents, and its labels (Pier finds an app's volumes by them).
volumes=()
for filter in $filters; do
  while IFS= read -r name; do [ -n "$name" ] && volumes+=("$name"); done < <(docker volume ls -q --filter "$filter")
done
mapfile -t volumes < <(printf '%s\n' "${volumes[@]}" | sort -u | grep -v '^$' || true)
for name in "${volumes[@]}"; do
  docker volume inspect --format '{{range $k, $v := .Labels}}{{$k}}={{$v}}{{"\n"}}{{end}}' "$name" \
    > "$work/volumes/$name.labels"
  docker run --rm -v "$name:/from:ro" "$tar_image" tar -C /from -czf - . > "$work/volumes/$name.tgz"
  echo "backup: volume $name" >&2
done

tar -C "$work" -cf "$archive" pier.dump volumes
echo "backup: $archive (database and ${#volumes[@]} volume(s))" >&2
