#!/usr/bin/env bash
# The distributed mode on one machine: a private RabbitMQ node, Identity, the five services and the
# gateway as seven separate processes on loopback, each with its own SQLite file under data/distributed.
#
#   ./scripts/run-distributed.sh          # public entry: http://127.0.0.1:5080 (the gateway)
#
# Ctrl-C stops the seven processes and then the broker (by the pids this script started).
# Production runs the same hosts on SQL Server and a managed broker (see k8s/).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA="$ROOT/data/distributed"
STATE=$(mktemp -d -t procurement-broker.XXXXXX)
chmod 755 "$STATE"
PIDS=()

stop_all() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  "$ROOT/scripts/rabbitmq-node.sh" stop "$STATE/rabbitmq" || true
  rm -rf "$STATE"
}
trap stop_all EXIT INT TERM

eval "$("$ROOT/scripts/rabbitmq-node.sh" start "$STATE/rabbitmq")"
echo "broker on $PROCUREMENT_TEST_RABBITMQ_HOST:$PROCUREMENT_TEST_RABBITMQ_PORT"

[ "${PROCUREMENT_NO_BUILD:-}" = "1" ] || dotnet build Procurement.sln -c Debug -v quiet -nologo

mkdir -p "$DATA"
export ASPNETCORE_ENVIRONMENT=Development
export Storage__DataDirectory="$DATA"
export Auth__Issuer="http://127.0.0.1:5080/"
export Messaging__Transport=RabbitMq
export Messaging__RabbitMq__Host="$PROCUREMENT_TEST_RABBITMQ_HOST"
export Messaging__RabbitMq__Port="$PROCUREMENT_TEST_RABBITMQ_PORT"
export Messaging__RabbitMq__Username="$PROCUREMENT_TEST_RABBITMQ_USER"
export Messaging__RabbitMq__Password="$PROCUREMENT_TEST_RABBITMQ_PASSWORD"

exec_dotnet() { dotnet "$@"; }

start() { # name project port
  local name=$1 project=$2 port=$3
  ASPNETCORE_URLS="http://127.0.0.1:$port" exec_dotnet "$project/bin/Debug/net10.0/$(basename "$project").dll" \
    > "$DATA/$name.log" 2>&1 &
  PIDS+=($!)
  echo "$name: http://127.0.0.1:$port (log: data/distributed/$name.log)"
}

# Identity first: in Development it creates the shared token keys in the data folder.
start identity services/Procurement.Identity 5101
sleep 3
start tendering services/Procurement.Tendering 5102
start bidding services/Procurement.Bidding 5103
start evaluation services/Procurement.Evaluation 5104
start contracting services/Procurement.Contracting 5105
start disbursement services/Procurement.Disbursement 5106
(cd gateway/Procurement.Gateway && ASPNETCORE_URLS="http://127.0.0.1:5080" exec dotnet bin/Debug/net10.0/Procurement.Gateway.dll \
  > "$DATA/gateway.log" 2>&1) &
PIDS+=($!)
echo "gateway: http://127.0.0.1:5080 (the public entry; log: data/distributed/gateway.log)"

for i in $(seq 1 60); do
  if curl -fsS http://127.0.0.1:5080/health/ready >/dev/null 2>&1 && curl -fsS http://127.0.0.1:5102/health/ready >/dev/null 2>&1; then
    echo "ready. Demo logins as in the README (password Pass123\$). Ctrl-C stops everything."
    break
  fi
  sleep 1
done
wait
