#!/usr/bin/env bash
# Runs every test of the suite: unit, repository (real PostgreSQL), sandbox and end-to-end tests.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl gateway
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-postgres.sh
exec mvn -B verify "$@"
