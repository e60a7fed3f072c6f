#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 in a temporary folder, as a non-root user, and
# prints the variables to use it (PG_DIR, TEST_DATABASE_URL). Stop it with stop-postgres.sh.
set -euo pipefail
initdb=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)
bin=$(dirname "$initdb")
dir=$(mktemp -d /tmp/kim-postgres.XXXXXX)
port=55432
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

run_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$dir"
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

run_as_owner "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
run_as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on\" start" >/dev/null
echo "PG_DIR=$dir"
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
