#!/usr/bin/env bash
# Starts the whole system locally: Azurite, the Cosmos emulator, the NetBox simulator, the catalogue migration and the
# local durable host on http://127.0.0.1:7071/api. Ctrl-C stops everything it started.
# The host is supervised: kill it (or let it crash) and it is started again against the same emulators, keeping all data.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/emulators.sh
require_tools
install_emulators

API_PORT="${API_PORT:-7071}"
COSMOS_PORT="${COSMOS_PORT:-8081}"
BLOB_PORT="${BLOB_PORT:-10000}"; QUEUE_PORT="${QUEUE_PORT:-10001}"; TABLE_PORT="${TABLE_PORT:-10002}"
NETBOX_PORT="${NETBOX_PORT:-8000}"
RUN_DIR="$ROOT_DIR/.run"
mkdir -p "$RUN_DIR"

for port in "$API_PORT" "$COSMOS_PORT" "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT" "$NETBOX_PORT"; do
  if port_in_use "$port"; then echo "Port $port on 127.0.0.1 is in use; stop what runs there or set the *_PORT variables." >&2; exit 1; fi
done

PIDS=()
stopping=0
cleanup() {
  stopping=1
  echo; echo "Stopping..."
  stop_all "${HOST_PID:-}" "${PIDS[@]}"
  rm -f "$RUN_DIR/host.pid"
  exit 0
}
trap cleanup INT TERM

echo "Building..."
dotnet build Orchestrator.sln -nologo -v q -clp:ErrorsOnly || exit 1

# The Cosmos emulator keeps nothing across its own restart, so Azurite starts empty with it: the two never disagree.
start_azurite "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT" "$RUN_DIR/azurite.log" || exit 1; PIDS+=("$AZURITE_PID")
start_cosmos "$COSMOS_PORT" "$RUN_DIR/cosmos.log" || exit 1; PIDS+=("$COSMOS_PID")

export Cosmos__Endpoint="http://127.0.0.1:$COSMOS_PORT/"
export Cosmos__UseLocalEmulatorShim=true
export Storage__ConnectionString="$(storage_connection_string "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT")"
export AzureWebJobsStorage="$Storage__ConnectionString"
export NetBox__Url="http://127.0.0.1:$NETBOX_PORT/"
export NetBox__Token="${NetBox__Token:-0123456789abcdef0123456789abcdef01234567}"

SIM_DLL="tools/Orchestrator.NetBoxSimulator/bin/Debug/net10.0/Orchestrator.NetBoxSimulator.dll"
if [ -f "$SIM_DLL" ]; then
  dotnet "$SIM_DLL" --urls "http://127.0.0.1:$NETBOX_PORT" >"$RUN_DIR/netbox.log" 2>&1 &
  PIDS+=("$!")
  wait_for_port "$NETBOX_PORT" "NetBox simulator" 60 || exit 1
fi

dotnet tools/Orchestrator.Migrate/bin/Debug/net10.0/Orchestrator.Migrate.dll || exit 1

echo
echo "Azurite:          blob http://127.0.0.1:$BLOB_PORT  queue http://127.0.0.1:$QUEUE_PORT  table http://127.0.0.1:$TABLE_PORT"
echo "Cosmos emulator:  http://127.0.0.1:$COSMOS_PORT/"
[ -f "$SIM_DLL" ] && echo "NetBox simulator: http://127.0.0.1:$NETBOX_PORT/api/  (token $NetBox__Token)"
echo "Orchestrator API: http://127.0.0.1:$API_PORT/api   (try: curl http://127.0.0.1:$API_PORT/api/products/)"
echo "Logs in $RUN_DIR. Ctrl-C stops everything."
echo

while [ "$stopping" = 0 ]; do
  dotnet functions/Orchestrator.LocalHost/bin/Debug/net10.0/Orchestrator.LocalHost.dll --urls "http://127.0.0.1:$API_PORT" &
  HOST_PID=$!
  echo "$HOST_PID" >"$RUN_DIR/host.pid"
  wait "$HOST_PID"
  [ "$stopping" = 1 ] && break
  echo "The local host exited; starting it again (emulator data is kept)..."
  sleep 1
done
