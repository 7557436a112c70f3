#!/usr/bin/env bash
# The LedgerBridge benchmark and fault-injection harness (bench/README.md). Builds the suite when sources changed,
# launches the sandbox and the five services from their jars on free ports, drives them through the sandbox's
# HubSpot workflow engine and writes bench/results/<date>-<name>.md and .json.
#   scripts/bench.sh [--name N] [--mix create-invoice=1] [--rate R[,R2..] | --concurrency C[,C2..]]
#                    [--duration 30s] [--warmup 10s] [--max-actions N] [--jfr]
#   scripts/bench.sh --faults [--executions 1000] [--short] [--fault-rate 25] [--seed 42]
#   common: [--results-dir DIR] [--db-suffix _bench] [--rebuild]
# A fault run exits 1 when its audit finds a duplicate or a lost execution.
set -euo pipefail
cd "$(dirname "$0")/.."

REBUILD=0
ARGS=()
DB_SUFFIX=_bench
prev=""
for arg in "$@"; do
    case "$arg" in
        --rebuild) REBUILD=1 ;;
        *) ARGS+=("$arg") ;;
    esac
    [ "$prev" = "--db-suffix" ] && DB_SUFFIX="$arg"
    prev="$arg"
done

APPS=(sandbox gateway contact-sync-service product-catalog-service document-service payments-bridge-service)

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
scripts/ensure-postgres.sh >/dev/null
for db in gateway contacts catalog documents payments; do
    name="${db}${DB_SUFFIX}"
    if [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
        psql -d postgres -q -c "CREATE DATABASE \"$name\"" >/dev/null
    fi
done

# Build when asked, when a jar is missing, or when any source or POM is newer than the harness's classpath file.
stamp=bench/target/runtime-classpath.txt
needs_build=$REBUILD
[ -f "$stamp" ] || needs_build=1
for app in "${APPS[@]}"; do
    [ -f "$app/target/quarkus-app/quarkus-run.jar" ] || needs_build=1
done
if [ "$needs_build" = 0 ] && [ -n "$(find . \( -path ./.git -o -path ./.demo -o -path ./bench/results -o -name target \) -prune -o \( -name '*.java' -o -name '*.properties' -o -name '*.sql' -o -name 'pom.xml' \) -newer "$stamp" -print -quit)" ]; then
    needs_build=1
fi
if [ "$needs_build" = 1 ]; then
    echo "== Building the suite (mvn package -DskipTests); later runs skip this while nothing changed"
    mvn -B -q package -DskipTests
    touch "$stamp"
fi

exec java -cp "bench/target/classes:e2e/target/classes:$(cat "$stamp")" dev.ledgerbridge.bench.Bench --repo "$(pwd)" "${ARGS[@]}"
