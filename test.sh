#!/usr/bin/env bash
# Runs every ECAI test twice: on SQLite (the embedded default), then on PostgreSQL, a throwaway server started here
# on a free 127.0.0.1 port (scripts/throwaway-postgres.sh) and stopped on exit. Installs what the browser tests need
# (Debian chromium and a CJK font) and PostgreSQL when they are missing. Arguments go to both `dotnet test` runs.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  echo "Installing chromium and fonts-noto-cjk for the browser tests…"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

dotnet tool restore >/dev/null

echo "== SQLite =="
sqlite=0
dotnet test Ecai.sln --configuration Release "$@" || sqlite=$?

echo "== PostgreSQL =="
# Everything but the bunit component tests (Ecai.Tests.Web.*), whose waits still assume SQLite's timing; the domain
# services they drive run on PostgreSQL in Domain/, Flows/ and Browser/. ECAI_TEST_POSTGRES_FILTER= (empty) runs them too.
pg_filter=${ECAI_TEST_POSTGRES_FILTER-FullyQualifiedName!~Ecai.Tests.Web.}
pg_dir=$(mktemp -d -u /tmp/ecai-pg-XXXXXX)
trap 'scripts/throwaway-postgres.sh stop "$pg_dir"' EXIT
postgres=0
ECAI_TEST_POSTGRES=$(scripts/throwaway-postgres.sh start "$pg_dir") ECAI_TEST_PROVIDER=Postgres \
  dotnet test Ecai.sln --configuration Release --no-build ${pg_filter:+--filter "$pg_filter"} "$@" || postgres=$?

echo "SQLite: exit $sqlite, PostgreSQL: exit $postgres"
[ "$sqlite" -eq 0 ] && [ "$postgres" -eq 0 ]
