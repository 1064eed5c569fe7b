#!/usr/bin/env bash
# The distributed mode on one machine: a private RabbitMQ node, Identity, the five services, the web
# portal and the gateway as eight separate processes on loopback, each service with its own SQLite file under
# data/distributed (the portal has no database and no broker: it signs in against Identity and calls the API,
# both through the gateway, which also routes the portal's pages and assets to it).
#
#   ./scripts/run-distributed.sh          # public entry: http://127.0.0.1:5080 (the gateway; the portal at /)
#
# Ctrl-C or SIGTERM stops the eight processes and then the broker (by the pids this script started, which
# it writes to <data>/run-distributed.pids as "name pid" lines) and waits for them to exit.
# Production runs the same hosts on SQL Server and a managed broker (see k8s/).
#
# Optional environment:
#   PROCUREMENT_NO_BUILD=1                     use the existing build instead of building the solution first
#   PROCUREMENT_CONFIGURATION=Release          the build to run (default Debug)
#   PROCUREMENT_DISTRIBUTED_DATA=<folder>      the data folder (default data/distributed)
#   PROCUREMENT_DISTRIBUTED_PORTS="g i t b e c d [p]"  the gateway's, Identity's, the five services' and the
#                                              portal's ports (default "5080 5101 5102 5103 5104 5105 5106 5107";
#                                              the seven-port form of earlier versions gives the portal 5107)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CONFIGURATION=${PROCUREMENT_CONFIGURATION:-Debug}
DATA=${PROCUREMENT_DISTRIBUTED_DATA:-$ROOT/data/distributed}
read -r GATEWAY_PORT IDENTITY_PORT TENDERING_PORT BIDDING_PORT EVALUATION_PORT CONTRACTING_PORT DISBURSEMENT_PORT PORTAL_PORT \
  <<< "${PROCUREMENT_DISTRIBUTED_PORTS:-5080 5101 5102 5103 5104 5105 5106 5107}"
[ -n "$DISBURSEMENT_PORT" ] || { echo "PROCUREMENT_DISTRIBUTED_PORTS needs seven or eight ports" >&2; exit 2; }
PORTAL_PORT=${PORTAL_PORT:-5107}
PIDFILE="$DATA/run-distributed.pids"
STATE=$(mktemp -d -t procurement-broker.XXXXXX)
chmod 755 "$STATE"
PIDS=()

# Stops what this script started, by pid: TERM to every host, up to 30 s for them to exit (then KILL),
# and the broker last. Reached on Ctrl-C, on SIGTERM and on any exit.
stop_all() {
  trap - EXIT INT TERM
  local pid i alive
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for ((i = 0; i < 300; i++)); do
    alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      echo "process $pid still running after 30 s; sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  "$ROOT/scripts/rabbitmq-node.sh" stop "$STATE/rabbitmq" || true
  rm -rf "$STATE"
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

mkdir -p "$DATA"
: > "$PIDFILE"

eval "$("$ROOT/scripts/rabbitmq-node.sh" start "$STATE/rabbitmq")"
echo "broker on $PROCUREMENT_TEST_RABBITMQ_HOST:$PROCUREMENT_TEST_RABBITMQ_PORT"
echo "broker $(tr -dc '0-9' < "$STATE/rabbitmq/rabbitmq.pid")" >> "$PIDFILE"

if [ "${PROCUREMENT_NO_BUILD:-}" != "1" ]; then
  # In the background, so that Ctrl-C or SIGTERM during the build stops it at once.
  dotnet build Procurement.sln -c "$CONFIGURATION" -v quiet -nologo &
  PIDS=($!)
  wait "${PIDS[0]}"
  PIDS=()
fi

export ASPNETCORE_ENVIRONMENT=Development
export Storage__DataDirectory="$DATA"
PUBLIC="http://127.0.0.1:$GATEWAY_PORT"
export Auth__Issuer="$PUBLIC/"
# The portal is an OIDC client of Identity at the public address; a person may type localhost or 127.0.0.1.
export Identity__Portal__RedirectUris="$PUBLIC/signin-oidc;http://localhost:$GATEWAY_PORT/signin-oidc"
export Identity__Portal__PostLogoutRedirectUris="$PUBLIC/signout-callback-oidc;http://localhost:$GATEWAY_PORT/signout-callback-oidc"
export Messaging__Transport=RabbitMq
export Messaging__RabbitMq__Host="$PROCUREMENT_TEST_RABBITMQ_HOST"
export Messaging__RabbitMq__Port="$PROCUREMENT_TEST_RABBITMQ_PORT"
export Messaging__RabbitMq__Username="$PROCUREMENT_TEST_RABBITMQ_USER"
export Messaging__RabbitMq__Password="$PROCUREMENT_TEST_RABBITMQ_PASSWORD"

start() { # name project port [working folder]
  local name=$1 project=$2 port=$3 folder=${4:-$ROOT}
  # A subshell that execs dotnet: $! is the pid of the host itself, not of a shell that would die alone.
  (cd "$folder" && ASPNETCORE_URLS="http://127.0.0.1:$port" \
    exec dotnet "$ROOT/$project/bin/$CONFIGURATION/net10.0/$(basename "$project").dll") > "$DATA/$name.log" 2>&1 &
  PIDS+=($!)
  echo "$name $!" >> "$PIDFILE"
  echo "$name: http://127.0.0.1:$port (pid $!, log: $DATA/$name.log)"
}

# Identity first: in Development it creates the shared token keys in the data folder.
start identity services/Procurement.Identity "$IDENTITY_PORT"
sleep 3
start tendering services/Procurement.Tendering "$TENDERING_PORT"
start bidding services/Procurement.Bidding "$BIDDING_PORT"
start evaluation services/Procurement.Evaluation "$EVALUATION_PORT"
start contracting services/Procurement.Contracting "$CONTRACTING_PORT"
start disbursement services/Procurement.Disbursement "$DISBURSEMENT_PORT"
# The portal signs in against the issuer and calls the API, both at the gateway: the same code as embedded.
Portal__Authority="$PUBLIC/" Portal__ApiBaseAddress="$PUBLIC/" \
  start portal services/Procurement.Portal "$PORTAL_PORT" "$ROOT/services/Procurement.Portal"
for cluster in identity tendering bidding evaluation contracting disbursement portal; do
  port_variable="${cluster^^}_PORT"
  export "ReverseProxy__Clusters__${cluster}__Destinations__primary__Address=http://127.0.0.1:${!port_variable}/"
done
start gateway gateway/Procurement.Gateway "$GATEWAY_PORT" "$ROOT/gateway/Procurement.Gateway"
echo "(the gateway is the public entry; the portal: $PUBLIC/)"

for i in $(seq 1 60); do
  if curl -fsS --max-time 2 "http://127.0.0.1:$GATEWAY_PORT/health/ready" >/dev/null 2>&1 \
    && curl -fsS --max-time 2 "http://127.0.0.1:$TENDERING_PORT/health/ready" >/dev/null 2>&1 \
    && curl -fsS --max-time 2 "http://127.0.0.1:$PORTAL_PORT/health/ready" >/dev/null 2>&1; then
    echo "ready. Demo logins as in the README (password Pass123\$). Ctrl-C stops everything."
    break
  fi
  sleep 1
done
# `wait` returns as soon as a trapped signal arrives, so the trap runs at once.
wait
