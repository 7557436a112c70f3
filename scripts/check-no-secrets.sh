#!/usr/bin/env bash
# Issue 8: after a test run, no token or client secret may appear in plain text in what the run left behind: the
# logs of every test JVM and every process the end-to-end suite and the bench started, the test reports, and each
# database the tests wrote (tokens are stored encrypted; the rest never holds one). Exits 1 and names the file or
# database, never the value, when something matches.
#
# What a token looks like here: the sandbox's Intuit access tokens ("eyJ" + 64 base64url characters) and refresh
# tokens ("RT1-..."), its HubSpot access/refresh tokens and codes ("sbx-hs-at-<uuid>", ...), its seeded pre-authorised
# tokens, every JWT (the OIDC provider's service tokens), and the local client secrets of the OIDC clients and the
# HubSpot app.
set -uo pipefail
cd "$(dirname "$0")/.."

pattern='(?<![A-Za-z0-9+/_-])eyJ[A-Za-z0-9_-]{64}(?![A-Za-z0-9+/=_-])'
pattern+='|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}'
pattern+='|RT1-[A-Za-z0-9_-]{40,}'
pattern+='|sbx-hs-(at|rt|code)-[0-9a-f-]{36}'
pattern+='|sandbox-(qbo|hubspot)-[0-9]{6,}|seed-refresh-[0-9]{6,}'
pattern+='|(gateway|payments-bridge|contact-sync|product-catalog|document|admin|ledgerbridge)-local-secret'

found=0
files=0
mapfile -t logs < <(find . -path ./node_modules -prune -o \( -path '*/target/surefire-reports/*' -o \
    -path '*/target/failsafe-reports/*' -o -path '*/target/e2e-logs/*' -o -path '*/target/results/*' -o \
    -path '*/target/*.log' \) -type f -print 2>/dev/null)
for file in "${logs[@]}"; do
    files=$((files + 1))
    count=$(grep -cP -- "$pattern" "$file" 2>/dev/null || true)
    if [ "${count:-0}" -gt 0 ]; then
        echo "check-no-secrets: $file: $count line(s) with a token or client secret in plain text" >&2
        found=1
    fi
done

databases=0
psql_args=(-h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}")
if command -v psql >/dev/null && psql "${psql_args[@]}" -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    mapfile -t dbs < <(psql "${psql_args[@]}" -d postgres -Atc \
        "select datname from pg_database where datname ~ '^(gateway|contacts|catalog|documents|payments)_(test|e2e|bench)$' order by 1")
    for db in "${dbs[@]}"; do
        databases=$((databases + 1))
        count=$(pg_dump "${psql_args[@]}" --data-only "$db" 2>/dev/null | grep -cP -- "$pattern" || true)
        if [ "${count:-0}" -gt 0 ]; then
            echo "check-no-secrets: database $db: $count row(s) with a token or client secret in plain text" >&2
            found=1
        fi
    done
else
    echo "check-no-secrets: PostgreSQL not reachable; databases not checked" >&2
    found=1
fi

echo "check-no-secrets: $files log and report files, $databases databases checked"
if [ "$found" -ne 0 ]; then
    exit 1
fi
echo "check-no-secrets: no plain-text token or client secret found"
