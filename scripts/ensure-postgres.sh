#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers and that every service's databases exist (one per service,
# plus *_test and *_e2e twins for the test suite). Safe to run any number of times.
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

# The databases of the services, in the order of the architecture table.
DATABASES=(gateway contacts catalog documents payments)

fail() { echo "ensure-postgres: $*" >&2; exit 1; }

if ! command -v psql >/dev/null 2>&1 || ! command -v pg_isready >/dev/null 2>&1; then
    fail "PostgreSQL is not installed (no psql/pg_isready). Install it, e.g. 'apt-get install postgresql', then run this again."
fi

if ! pg_isready -q; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
        version="$(ls /etc/postgresql | sort -V | tail -n 1)"
        echo "ensure-postgres: PostgreSQL $version is installed but not answering on $PGHOST:$PGPORT; starting it"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    else
        fail "PostgreSQL does not answer on $PGHOST:$PGPORT and no local cluster was found to start (looked in /etc/postgresql). Start your server or set PGHOST/PGPORT."
    fi
    for _ in $(seq 1 60); do
        pg_isready -q && break
        sleep 0.5
    done
    pg_isready -q || fail "PostgreSQL did not come up on $PGHOST:$PGPORT within 30 s; see its log under /var/log/postgresql."
fi

for db in "${DATABASES[@]}"; do
    for name in "$db" "${db}_test" "${db}_e2e"; do
        if [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
            psql -d postgres -q -c "CREATE DATABASE \"$name\"" >/dev/null
            echo "ensure-postgres: created database $name"
        fi
    done
done
echo "ensure-postgres: PostgreSQL on $PGHOST:$PGPORT has databases: ${DATABASES[*]} (and *_test, *_e2e)"
