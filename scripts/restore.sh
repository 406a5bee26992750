#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an empty database and media folder.
#
#   createdb -h 127.0.0.1 -U postgres lsunion_restored
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/lsunion_restored \
#   DJANGO_MEDIA_ROOT=/var/lib/lsunion/media \
#       scripts/restore.sh /var/backups/lsunion/lsunion-20260101T000000Z.dump \
#                          /var/backups/lsunion/lsunion-20260101T000000Z-media.tar.gz
#
# Refuses a database that already holds lsunion's tables (set RESTORE_OVER_EXISTING=1 to
# replace them). Afterwards, when REDIS_URL is set, every cached page is made stale so that
# no reader sees pages cached before the restore.
set -euo pipefail

dump=${1:?usage: scripts/restore.sh DUMP_FILE MEDIA_TAR_GZ}
media=${2:?usage: scripts/restore.sh DUMP_FILE MEDIA_TAR_GZ}
database_url=${DATABASE_URL:?DATABASE_URL must name the database to restore into}
root=$(cd "$(dirname "$0")/.." && pwd)
media_root=${DJANGO_MEDIA_ROOT:-$root/media}
[ -r "$dump" ] || { echo "restore.sh: cannot read $dump" >&2; exit 2; }
[ -r "$media" ] || { echo "restore.sh: cannot read $media" >&2; exit 2; }

case "$database_url" in
    postgres://* | postgresql://*)
        existing=$(psql "$database_url" -Atc "SELECT to_regclass('public.django_migrations') IS NOT NULL")
        options=(--no-owner --no-privileges --exit-on-error)
        if [ "$existing" = "t" ]; then
            if [ "${RESTORE_OVER_EXISTING:-0}" != "1" ]; then
                echo "restore.sh: the database already holds lsunion; set RESTORE_OVER_EXISTING=1 to replace it" >&2
                exit 3
            fi
            options+=(--clean --if-exists)
        fi
        pg_restore "${options[@]}" --single-transaction --dbname "$database_url" "$dump"
        ;;
    sqlite:///*)
        target=${database_url#sqlite://}
        if [ -s "$target" ] && [ "${RESTORE_OVER_EXISTING:-0}" != "1" ]; then
            echo "restore.sh: $target exists; set RESTORE_OVER_EXISTING=1 to replace it" >&2
            exit 3
        fi
        python3 - "$dump" "$target" <<'PY'
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as source, sqlite3.connect(sys.argv[2]) as target:
    source.backup(target)
PY
        ;;
    *)
        echo "restore.sh: unsupported DATABASE_URL scheme: ${database_url%%:*}" >&2
        exit 2
        ;;
esac

mkdir -p "$media_root"
tar -C "$media_root" -xzf "$media"

if [ -n "${REDIS_URL:-}" ]; then
    python=${PYTHON:-$root/.venv/bin/python}
    (cd "$root" && "$python" manage.py shell -c "from lsunion.cache import bump; bump()")
fi
echo "restored $(basename "$dump") and $(basename "$media")"
