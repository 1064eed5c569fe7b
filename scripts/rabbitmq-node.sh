#!/usr/bin/env bash
# Starts and stops a private, throw-away RabbitMQ node for tests and local runs.
#
#   scripts/rabbitmq-node.sh install             install rabbitmq-server + tzdata if missing (apt)
#   scripts/rabbitmq-node.sh start <statedir>    start a node; prints `export VAR=value` lines for eval
#   scripts/rabbitmq-node.sh stop  <statedir>    stop exactly the processes `start` started
#   (`start` again on a stopped <statedir> restarts the same node on the same ports)
#
# Usage:  eval "$(scripts/rabbitmq-node.sh start /tmp/x/rabbitmq)"; ...; scripts/rabbitmq-node.sh stop /tmp/x/rabbitmq
#
# Why it looks like this:
# - The node gets its own name, AMQP port, distribution port and its own epmd on its own port, so it
#   never clashes with (or stops) a system broker, a system epmd or a parallel run.
# - Every pid we start is written to <statedir>; `stop` signals only those pids (never by name).
# - Debian's /usr/sbin/rabbitmq-server and rabbitmqctl wrappers switch to the `rabbitmq` user with
#   `su` (which keeps our RABBITMQ_* variables and sets HOME=/var/lib/rabbitmq), so server and CLI
#   share the cookie in /var/lib/rabbitmq/.erlang.cookie. Hence <statedir> must be owned by rabbitmq.
# - Only stdout carries the export lines; all chatter goes to stderr.
set -euo pipefail

log() { echo "rabbitmq-node: $*" >&2; }
die() { log "error: $*"; exit 1; }

install_packages() {
  local missing=() pkg
  for pkg in rabbitmq-server tzdata; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}) and not root; install them first"
  log "installing ${missing[*]} with apt-get"
  # The package's init script would start a default node on 5672; a policy-rc.d that says "no"
  # stops that where the machine does not already have one. Removed again right after.
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && own_policy=1
  fi
  local rc=0
  {
    apt-get -o DPkg::Lock::Timeout=600 update &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
  } >&2 || rc=$?
  [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
  [ $rc -eq 0 ] || die "apt-get failed ($rc)"
}

# Prints N distinct free TCP ports on 127.0.0.1. The range 20000-31999 stays below the kernel's
# ephemeral range and below 35672-35682, which rabbitmqctl itself uses for its distribution port.
free_ports() {
  local n=$1
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$n" <<'PY'
import random, socket, sys
n, found = int(sys.argv[1]), []
while len(found) < n:
    p = random.randint(20000, 31999)
    if p in found:
        continue
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", p))
        except OSError:
            continue
    found.append(p)
print(" ".join(map(str, found)))
PY
  else
    local found=() p
    while [ ${#found[@]} -lt "$n" ]; do
      p=$((20000 + RANDOM % 12000))
      [[ " ${found[*]} " == *" $p "* ]] && continue
      (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue   # something listens there
      found+=("$p")
    done
    echo "${found[*]}"
  fi
}

# True when $1 is a live process whose command name is $2 (guards against a recycled pid).
is_our_process() {
  local pid=$1 name=$2
  [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]
}

# kill -TERM a pid and wait up to $2 seconds for it to go; SIGKILL as a last resort.
terminate() {
  local pid=$1 timeout=$2 name=$3 i
  is_our_process "$pid" "$name" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < timeout * 10; i++)); do
    is_our_process "$pid" "$name" || return 0
    sleep 0.1
  done
  log "$name ($pid) still running after ${timeout}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

# Prints the pids of all descendants of pid $1 (walks the tree by parent pid, not by name; /proc
# rather than pgrep because procps is not on every minimal Debian).
descendants() {
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null || true); do
    echo "$child"
    descendants "$child"
  done
}

stop_node() {
  local dir=$1
  [ -d "$dir" ] || return 0
  local node_pid="" wrapper_pid="" epmd_pid="" pid
  [ -f "$dir/rabbitmq.pid" ] && node_pid=$(tr -dc '0-9' < "$dir/rabbitmq.pid")
  [ -f "$dir/wrapper.pid" ] && wrapper_pid=$(cat "$dir/wrapper.pid")
  [ -f "$dir/epmd.pid" ] && epmd_pid=$(cat "$dir/epmd.pid")
  # A node that failed early may not have written its pid file: find its beam under our wrapper.
  if ! is_our_process "$node_pid" beam.smp && is_our_process "$wrapper_pid" rabbitmq-server; then
    for pid in $(descendants "$wrapper_pid"); do
      is_our_process "$pid" beam.smp && node_pid=$pid
    done
  fi
  if is_our_process "$node_pid" beam.smp; then
    log "stopping node (pid $node_pid)"
    terminate "$node_pid" 30 beam.smp   # RabbitMQ shuts down cleanly on SIGTERM
  fi
  # The wrapper chain (sh -> su -> sh -> sh) exits with the node; this only catches leftovers.
  terminate "$wrapper_pid" 10 rabbitmq-server
  terminate "$epmd_pid" 10 epmd
  rm -f "$dir/rabbitmq.pid" "$dir/wrapper.pid" "$dir/epmd.pid"
}

start_node() {
  local dir=$1
  [ "$(id -u)" -eq 0 ] || die "start must run as root (it switches to the rabbitmq user)"
  install_packages
  mkdir -p "$dir/mnesia" "$dir/log"
  dir=$(cd "$dir" && pwd)
  echo '[].' > "$dir/enabled_plugins"   # no plugins: faster start, nothing else listening
  chown -R rabbitmq:rabbitmq "$dir"
  runuser -u rabbitmq -- test -w "$dir" ||
    die "$dir is not reachable by the rabbitmq user (is a parent folder mode 700?)"

  # A second `start` on the same <statedir> (after `stop`) restarts the same node: same name, data
  # and ports, so clients that lost it reconnect to the address they knew (broker-outage tests).
  local amqp_port dist_port epmd_port node_name
  if [ -f "$dir/node" ]; then
    read -r amqp_port dist_port epmd_port node_name < "$dir/node"
  else
    read -r amqp_port dist_port epmd_port <<< "$(free_ports 3)"
    node_name="procurement-test-$$@localhost"
    echo "$amqp_port $dist_port $epmd_port $node_name" > "$dir/node"
  fi

  export RABBITMQ_NODENAME=$node_name
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$amqp_port
  export RABBITMQ_DIST_PORT=$dist_port
  export RABBITMQ_MNESIA_BASE=$dir/mnesia
  export RABBITMQ_LOG_BASE=$dir/log
  export RABBITMQ_PID_FILE=$dir/rabbitmq.pid
  export RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_PORT=$epmd_port   # server and rabbitmqctl both find the node through this epmd

  # On failure past this point, undo what was started.
  trap 'stop_node "$dir"' ERR

  # Our own epmd, in the foreground of a background job, so that $! is its real pid.
  setsid epmd -port "$epmd_port" -address 127.0.0.1 < /dev/null > "$dir/log/epmd.log" 2>&1 &
  echo $! > "$dir/epmd.pid"
  # Wait until it listens: otherwise the node's Erlang would start an epmd of its own that we don't track.
  local i
  for ((i = 0; i < 100; i++)); do
    (exec 3<> "/dev/tcp/127.0.0.1/$epmd_port") 2>/dev/null && break
    sleep 0.1
  done

  log "starting $RABBITMQ_NODENAME (amqp $amqp_port, dist $dist_port, epmd $epmd_port) in $dir"
  setsid rabbitmq-server < /dev/null > "$dir/log/server.out" 2>&1 &
  echo $! > "$dir/wrapper.pid"

  if ! rabbitmqctl -n "$RABBITMQ_NODENAME" wait "$RABBITMQ_PID_FILE" --timeout 60 >&2; then
    log "node did not come up; last lines of its output:"
    tail -n 40 "$dir/log/server.out" >&2 || true
    stop_node "$dir"
    exit 1
  fi
  trap - ERR

  {
    printf 'export PROCUREMENT_TEST_RABBITMQ_HOST=%q\n' 127.0.0.1
    printf 'export PROCUREMENT_TEST_RABBITMQ_PORT=%q\n' "$amqp_port"
    printf 'export PROCUREMENT_TEST_RABBITMQ_USER=%q\n' guest
    printf 'export PROCUREMENT_TEST_RABBITMQ_PASSWORD=%q\n' guest
    printf 'export PROCUREMENT_TEST_RABBITMQ_NODENAME=%q\n' "$RABBITMQ_NODENAME"
  } | tee "$dir/env"
  log "ready on 127.0.0.1:$amqp_port"
}

case "${1:-}" in
  install) install_packages ;;
  start) start_node "${2:?usage: $0 start <statedir>}" ;;
  stop) stop_node "${2:?usage: $0 stop <statedir>}" ;;
  *) echo "usage: $0 install | start <statedir> | stop <statedir>" >&2; exit 2 ;;
esac
