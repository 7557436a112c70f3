#!/usr/bin/env bash
# The LedgerBridge demo: starts the sandbox (HubSpot + QuickBooks Online) and every service from their
# jars, waits until each reports ready, then shows the sandbox answering as both vendors.
# Options: --no-build (reuse the jars in */target), --keep-running (leave everything up; stop with Ctrl-C).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=1
KEEP=0
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        --keep-running) KEEP=1 ;;
        *) echo "usage: scripts/demo.sh [--no-build] [--keep-running]" >&2; exit 2 ;;
    esac
done

# name:port, started in this order; the sandbox first since every service talks to it.
APPS=(sandbox:8090 gateway:8080 contact-sync-service:8081 product-catalog-service:8082 document-service:8083 payments-bridge-service:8084)
SANDBOX=http://127.0.0.1:8090
US_REALM=9130350000000001
PORTAL=40213377
LOGS=.demo/logs
PIDS=()

say() { printf '\n== %s\n' "$*"; }
pretty() { if command -v python3 >/dev/null 2>&1; then python3 -m json.tool; else cat; echo; fi; }

stop_all() {
    if [ "${#PIDS[@]}" -gt 0 ]; then
        say "Stopping ${#PIDS[@]} processes"
        kill "${PIDS[@]}" 2>/dev/null || true
        wait "${PIDS[@]}" 2>/dev/null || true
    fi
}
trap stop_all EXIT

scripts/ensure-postgres.sh

if [ "$BUILD" = 1 ]; then
    say "Building every module (mvn package -DskipTests)"
    mvn -B -q package -DskipTests
fi

for app in "${APPS[@]}"; do
    port="${app#*:}"
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "demo: port $port (for ${app%%:*}) is already in use; stop what runs there (an earlier demo with --keep-running?) and try again." >&2
        exit 1
    fi
done

mkdir -p "$LOGS"
say "Starting the sandbox and the five services (logs in $LOGS/)"
for app in "${APPS[@]}"; do
    name="${app%%:*}"
    jar="$name/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || { echo "demo: $jar is missing; run without --no-build" >&2; exit 1; }
    java -Xmx256m -jar "$jar" >"$LOGS/$name.log" 2>&1 &
    PIDS+=("$!")
done

printf '\n%-26s %-6s %-8s %s\n' SERVICE PORT STATUS "READY AFTER"
start=$(date +%s%N)
for app in "${APPS[@]}"; do
    name="${app%%:*}"; port="${app#*:}"
    status=DOWN
    for _ in $(seq 1 240); do
        if body="$(curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null)"; then
            status="$(printf '%s' "$body" | grep -o '"status" *: *"[A-Z]*"' | head -n 1 | grep -o '[A-Z]*"$' | tr -d '"')"
            break
        fi
        sleep 0.25
    done
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    printf '%-26s %-6s %-8s %s ms\n' "$name" "$port" "$status" "$elapsed"
    if [ "$status" != UP ]; then
        echo "demo: $name is not ready; last lines of $LOGS/$name.log:" >&2
        tail -n 30 "$LOGS/$name.log" >&2
        exit 1
    fi
done

say "QuickBooks Online (sandbox): CompanyInfo of the US company $US_REALM"
curl -fsS -H "Authorization: Bearer sandbox-qbo-$US_REALM" -H 'Accept: application/json' \
    "$SANDBOX/v3/company/$US_REALM/companyinfo/$US_REALM?minorversion=75" | pretty

say "QuickBooks Online (sandbox): its items"
curl -fsS -G -H "Authorization: Bearer sandbox-qbo-$US_REALM" -H 'Accept: application/json' \
    --data-urlencode "query=select * from Item ORDERBY Name" --data-urlencode minorversion=75 \
    "$SANDBOX/v3/company/$US_REALM/query" | pretty

say "HubSpot (sandbox): deal 301 with its contacts and line items"
curl -fsS -H "Authorization: Bearer sandbox-hubspot-$PORTAL" \
    "$SANDBOX/crm/v3/objects/deals/301?properties=dealname,amount&associations=contacts,line_items" | pretty

say "All services are up and the sandbox answers as HubSpot and as QuickBooks Online."
if [ "$KEEP" = 1 ]; then
    echo "Everything keeps running (--keep-running); press Ctrl-C to stop."
    wait
fi
