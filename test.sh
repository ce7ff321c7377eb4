#!/usr/bin/env bash
# Runs every test. Starts Azurite and the Cosmos emulator on free loopback ports, and stops them afterwards.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/emulators.sh
require_tools
install_emulators

LOG_DIR="$(mktemp -d)"
cleanup() {
  stop_all "${AZURITE_PID:-}" "${COSMOS_PID:-}"
}
trap cleanup EXIT INT TERM

BLOB=$(free_port); QUEUE=$(free_port); TABLE=$(free_port); COSMOS=$(free_port)
start_azurite "$BLOB" "$QUEUE" "$TABLE" "$LOG_DIR/azurite.log" || { cat "$LOG_DIR/azurite.log"; exit 1; }
start_cosmos "$COSMOS" "$LOG_DIR/cosmos.log" || { cat "$LOG_DIR/cosmos.log"; exit 1; }
echo "Emulators: Azurite on 127.0.0.1:$BLOB/$QUEUE/$TABLE, Cosmos on 127.0.0.1:$COSMOS"

export Cosmos__Endpoint="http://127.0.0.1:$COSMOS/"
export Cosmos__UseLocalEmulatorShim=true
export Storage__ConnectionString="$(storage_connection_string "$BLOB" "$QUEUE" "$TABLE")"
export AzureWebJobsStorage="$Storage__ConnectionString"
export ORCHESTRATOR_TEST_EMULATORS=1

dotnet build Orchestrator.sln -nologo -v q -clp:ErrorsOnly || exit 1
# One test assembly at a time: the host-starting suites time their waits, and 2 cores are easily oversubscribed.
dotnet test Orchestrator.sln --no-build -nologo -m:1 "$@" 2>&1 | tee "$LOG_DIR/test.log"
status=${PIPESTATUS[0]}

# One closing line in the plain 'N passed, N failed' form, summed over every test assembly.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; if (p == 0) exit 1 }' "$LOG_DIR/test.log" || status=1
exit "$status"
