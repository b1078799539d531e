#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL (Debian's package): made in a temporary folder,
# listening only on a Unix socket, stopped and removed afterwards, whatever the command's result.
#   scripts/met-postgres.sh .venv/bin/pytest tests/web
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is niet geïnstalleerd (Debian-pakket postgresql; 'make sysdeps')." >&2
  exit 2
fi
tmp=$(mktemp -d /tmp/overdracht-pg.XXXXXX)
chmod 755 "$tmp"
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$tmp"
cleanup() { run "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
run "$bindir/initdb" -D "$tmp/data" -U overdracht --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run "$bindir/pg_ctl" -D "$tmp/data" -w -l "$tmp/log" \
  -o "-k $tmp -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >/dev/null
export DATABASE_URL="postgres://overdracht@/overdracht?host=$tmp"
run "$bindir/createdb" -h "$tmp" -U overdracht overdracht
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') draait tijdelijk in $tmp"
"$@"
