#!/usr/bin/env bash
# Registers or updates the suite's HubSpot custom workflow action definitions (R24) for an app, idempotently:
# a second run changes nothing and says so.
#   scripts/register-actions.sh --app-id N [--base-url URL] [--hubspot-url URL] [--developer-api-key KEY]
# Defaults target the local suite: gateway http://localhost:8080, sandbox http://localhost:8090 and its developer
# key. Against HubSpot: --hubspot-url https://api.hubapi.com --base-url https://<public gateway host> and the
# developer account's key (or HUBSPOT_DEVELOPER_API_KEY in the environment, which keeps it out of `ps`).
# Builds the hubspot-actions module first when it has not been built.
set -euo pipefail
cd "$(dirname "$0")/.."

module=hubspot-actions
if [[ ! -d "$module/target/classes/definitions" || ! -d "$module/target/lib" ]]; then
  mvn -B -q -o -pl libs/hubspot-client,"$module" install -DskipTests >&2
fi
exec java -cp "$module/target/classes:$module/target/lib/*" dev.ledgerbridge.actions.RegisterActions "$@"
