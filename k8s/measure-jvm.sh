#!/usr/bin/env bash
# Measures each service's startup time (launch to /q/health/ready = 200) and resident memory in JVM mode, the
# numbers that size the Deployments' requests and limits (k8s/README.md). Uses the packaged jars
# (mvn -o -q install -DskipTests first) with the e2e launcher's JVM flags, one service at a time, against the
# local PostgreSQL. Usage: k8s/measure-jvm.sh [database-suffix, default _e2e] [runs, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
suffix=${1:-_e2e}
runs=${2:-3}
port=18480
printf '%-26s %6s %12s %12s %12s\n' service run startup_ms rss_ready_MiB rss_60req_MiB
for entry in gateway:gateway contact-sync-service:contacts product-catalog-service:catalog \
             document-service:documents payments-bridge-service:payments; do
    module=${entry%%:*}; db=${entry##*:}
    jar="$module/target/quarkus-app/quarkus-run.jar"
    test -f "$jar" || { echo "$jar missing: build first (mvn -o -q install -DskipTests)" >&2; exit 1; }
    for run in $(seq 1 "$runs"); do
        start=$(date +%s%N)
        DB_NAME="$db$suffix" java -Xmx256m -XX:+UseSerialGC -Dquarkus.http.port=$port \
            -Dquarkus.otel.sdk.disabled=true -jar "$jar" > "/tmp/measure-$module.log" 2>&1 &
        pid=$!
        until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
            kill -0 $pid 2>/dev/null || { echo "$module exited; see /tmp/measure-$module.log" >&2; exit 1; }
            sleep 0.05
        done
        ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
        rss_ready=$(awk '/VmRSS/ {printf "%d", $2/1024}' /proc/$pid/status)
        # a little traffic (health, metrics, OpenAPI) so the JIT and the pools warm up
        for i in $(seq 1 20); do
            curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"
            curl -fs -o /dev/null "http://127.0.0.1:$port/q/metrics" || true
            curl -fs -o /dev/null "http://127.0.0.1:$port/q/openapi" || true
        done
        rss_warm=$(awk '/VmRSS/ {printf "%d", $2/1024}' /proc/$pid/status)
        kill $pid; wait $pid 2>/dev/null || true
        printf '%-26s %6s %12s %12s %12s\n' "$module" "$run" "$ready_ms" "$rss_ready" "$rss_warm"
    done
done
