# Shared by run.sh and test.sh: installs the pinned npm emulators and starts them on 127.0.0.1.
# Source it; it defines functions only.

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EMULATORS_DIR="$ROOT_DIR/tools/emulators"
AZURITE_JS="$EMULATORS_DIR/node_modules/azurite/dist/src/azurite.js"
COSMOS_JS="$EMULATORS_DIR/node_modules/@vercel/cosmosdb-server/lib/cli.js"
# The well-known Azurite development account; it is public and only valid against the local emulator.
AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

require_tools() {
  command -v dotnet >/dev/null || { echo "dotnet (the .NET SDK) is required" >&2; exit 1; }
  command -v node >/dev/null || { echo "node (Node.js) is required" >&2; exit 1; }
  command -v npm >/dev/null || { echo "npm is required" >&2; exit 1; }
}

install_emulators() {
  if [ ! -f "$AZURITE_JS" ] || [ ! -f "$COSMOS_JS" ]; then
    echo "Installing the pinned emulators (npm ci in tools/emulators)..."
    (cd "$EMULATORS_DIR" && npm ci --no-audit --no-fund --loglevel=error) || exit 1
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}

wait_for_port() { # port, name, seconds
  local port="$1" name="$2" seconds="${3:-30}" i=0
  until node -e "const c=require('net').connect($port,'127.0.0.1',()=>{c.end();process.exit(0)});c.on('error',()=>process.exit(1))" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -gt $((seconds * 5)) ]; then echo "$name did not start listening on 127.0.0.1:$port" >&2; return 1; fi
    sleep 0.2
  done
}

port_in_use() {
  node -e "const c=require('net').connect($1,'127.0.0.1',()=>{c.end();process.exit(0)});c.on('error',()=>process.exit(1))" 2>/dev/null
}

# start_azurite BLOB QUEUE TABLE LOGFILE: in memory, so a restart starts empty like the Cosmos emulator.
start_azurite() {
  node "$AZURITE_JS" --silent --inMemoryPersistence --skipApiVersionCheck --loose --disableProductStyleUrl \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$1" --queuePort "$2" --tablePort "$3" >"$4" 2>&1 &
  AZURITE_PID=$!
  wait_for_port "$1" Azurite && wait_for_port "$2" Azurite && wait_for_port "$3" Azurite
}

# start_cosmos PORT LOGFILE: plain HTTP, no certificate to trust.
start_cosmos() {
  node "$COSMOS_JS" -p "$1" --host 127.0.0.1 --no-ssl >"$2" 2>&1 &
  COSMOS_PID=$!
  wait_for_port "$1" "Cosmos emulator"
}

storage_connection_string() { # blob queue table
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$2/devstoreaccount1;TableEndpoint=http://127.0.0.1:$3/devstoreaccount1;"
}

# stop_all PID...: asks each process to stop, then kills what is still there after 5 seconds (Azurite can ignore TERM).
stop_all() {
  local pid
  for pid in "$@"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
  for _ in $(seq 1 25); do
    local alive=0
    for pid in "$@"; do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 0.2
  done
  for pid in "$@"; do [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; done
  return 0
}
