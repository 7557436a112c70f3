#!/usr/bin/env bash
# The LedgerBridge demo: builds the suite if needed, starts the sandbox (HubSpot + QuickBooks Online) and the
# five services from their jars, lets the sandbox's workflow engine run "Create QuickBooks invoice" for deal 301
# exactly as HubSpot would, prints each vendor call as it happens and the invoice QuickBooks now holds, then
# delivers the same execution again to show nothing new is created. Stops everything it started.
# Options: --keep-running (leave everything up and print the URLs; Ctrl-C stops), --rebuild (force a build).
set -euo pipefail
cd "$(dirname "$0")/.."

REBUILD=0
DEMO_ARGS=()
for arg in "$@"; do
    case "$arg" in
        --rebuild) REBUILD=1 ;;
        --keep-running) DEMO_ARGS+=("$arg") ;;
        *) echo "usage: scripts/demo.sh [--keep-running] [--rebuild]" >&2; exit 2 ;;
    esac
done

APPS=(sandbox gateway contact-sync-service product-catalog-service document-service payments-bridge-service)
PORTS=(8090 8080 8081 8082 8083 8084)

scripts/ensure-postgres.sh

# Build when asked, when a jar is missing, or when any source or POM is newer than the launcher's classpath file.
stamp=e2e/target/runtime-classpath.txt
needs_build=$REBUILD
[ -f "$stamp" ] || needs_build=1
for app in "${APPS[@]}"; do
    [ -f "$app/target/quarkus-app/quarkus-run.jar" ] || needs_build=1
done
if [ "$needs_build" = 0 ] && [ -n "$(find . \( -path ./.git -o -path ./.demo -o -name target \) -prune -o \( -name '*.java' -o -name '*.properties' -o -name '*.sql' -o -name 'pom.xml' \) -newer "$stamp" -print -quit)" ]; then
    needs_build=1
fi
if [ "$needs_build" = 1 ]; then
    echo "== Building the suite (mvn package -DskipTests); later runs skip this while nothing changed"
    mvn -B -q package -DskipTests
    touch "$stamp"
fi

for port in "${PORTS[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "demo: port $port is already in use; stop what runs there (an earlier demo with --keep-running?) and try again." >&2
        exit 1
    fi
done

exec java -cp "e2e/target/classes:$(cat "$stamp")" dev.ledgerbridge.e2e.Demo --repo="$(pwd)" "${DEMO_ARGS[@]}"
