#!/usr/bin/env bash
set -uo pipefail
dir="$1"
bin=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" | sort -V | tail -n 1)")
if [ "$(id -u)" -eq 0 ]; then
  su postgres -s /bin/bash -c "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null 2>&1
else
  "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
fi
rm -rf "$dir"
