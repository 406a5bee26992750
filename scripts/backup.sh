#!/usr/bin/env bash
# Back up lsunion: the database and the media files, into one dated pair of files.
#
#   DATABASE_URL=postgres://user@host:5432/lsunion DJANGO_MEDIA_ROOT=/var/lib/lsunion/media \
#       scripts/backup.sh /var/backups/lsunion
#
# Writes DEST/lsunion-<UTC time>.dump (pg_dump custom format: compressed, restorable table
# by table) and DEST/lsunion-<UTC time>-media.tar.gz, then prints both paths. A SQLite
# DATABASE_URL (development) is copied with SQLite's online backup instead.
# With media on S3 (django-storages), back the bucket up with the provider's tools instead.
set -euo pipefail

dest=${1:?usage: scripts/backup.sh DESTINATION_FOLDER}
database_url=${DATABASE_URL:?DATABASE_URL must name the database to back up}
root=$(cd "$(dirname "$0")/.." && pwd)
media_root=${DJANGO_MEDIA_ROOT:-$root/media}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$dest"
dump="$dest/lsunion-$stamp.dump"
media="$dest/lsunion-$stamp-media.tar.gz"

case "$database_url" in
    postgres://* | postgresql://*)
        # One consistent snapshot, without owners or grants, so it restores under any role.
        pg_dump --format=custom --no-owner --no-privileges --file "$dump" "$database_url"
        ;;
    sqlite:///*)
        python3 - "${database_url#sqlite://}" "$dump" <<'PY'
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as source, sqlite3.connect(sys.argv[2]) as target:
    source.backup(target)
PY
        ;;
    *)
        echo "backup.sh: unsupported DATABASE_URL scheme: ${database_url%%:*}" >&2
        exit 2
        ;;
esac

mkdir -p "$media_root"
tar -C "$media_root" -czf "$media" .
echo "$dump"
echo "$media"
