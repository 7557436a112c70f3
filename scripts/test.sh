#!/usr/bin/env bash
# Runs every test of the suite: unit, repository (real PostgreSQL), sandbox and end-to-end tests.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl gateway
set -euo pipefail
cd "$(dirname "$0")/.."

# The vendors' published specs (HubSpot OpenAPI, Kubernetes schemas) live outside the repository, in the workplace's
# shared/vendor-specs; tests validate against them. Found above the checkout, or named by LEDGERBRIDGE_VENDOR_SPECS.
if [ -z "${LEDGERBRIDGE_VENDOR_SPECS:-}" ]; then
    dir="$(pwd)"
    while [ "$dir" != "/" ]; do
        if [ -d "$dir/shared/vendor-specs" ]; then
            LEDGERBRIDGE_VENDOR_SPECS="$dir/shared/vendor-specs"
            break
        fi
        dir="$(dirname "$dir")"
    done
fi
if [ -z "${LEDGERBRIDGE_VENDOR_SPECS:-}" ] || [ ! -d "$LEDGERBRIDGE_VENDOR_SPECS/hubspot" ]; then
    echo "test: the vendor specs (shared/vendor-specs with hubspot/ and kubernetes/) were not found above $(pwd);" \
        "set LEDGERBRIDGE_VENDOR_SPECS to that directory" >&2
    exit 1
fi
export LEDGERBRIDGE_VENDOR_SPECS

scripts/ensure-postgres.sh
mvn -B verify "$@"
# Issue 8: no token or client secret in plain text in the run's logs, reports or databases.
scripts/check-no-secrets.sh
