#!/usr/bin/env bash
# THE command that runs every test:  ./scripts/test.sh [extra `dotnet test` args]
#   e.g. ./scripts/test.sh --filter FullyQualifiedName~Tendering
#
# 1. installs rabbitmq-server + tzdata if missing and starts a private broker node (its own
#    name, ports and epmd; stopped again on exit). PROCUREMENT_TEST_NO_BROKER=1 skips this and
#    the tests that need a broker skip themselves.
#    Installs Debian's chromium (and a CJK font) if missing: the browser tests drive /usr/bin/chromium
#    with Playwright (never `playwright install`, which downloads a browser of its own).
# 2. builds the solution (Release, warnings are errors).
# 3. checks every service's EF model against its migrations, for SQL Server and for SQLite.
# 4. runs all tests and ends with one line: "Tests: N passed, N failed, N skipped".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

EF_PROJECTS=(
  services/Procurement.Identity
  services/Procurement.Tendering
  services/Procurement.Bidding
  services/Procurement.Evaluation
  services/Procurement.Contracting
  services/Procurement.Disbursement
)

WORK=$(mktemp -d -t procurement-test.XXXXXX)
chmod 755 "$WORK"   # the broker runs as the rabbitmq user and must reach $WORK/rabbitmq
RESULTS="$WORK/results"
BROKER_STATE=""

cleanup() {
  local rc=$?
  if [ -n "$BROKER_STATE" ]; then
    "$ROOT/scripts/rabbitmq-node.sh" stop "$BROKER_STATE" || echo "warning: broker stop failed" >&2
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Each step names the seconds since the script started, so a slow step shows in CI's log.
step() { printf '\n==> [%ss] %s\n' "$SECONDS" "$*"; }

# --- 1. broker -------------------------------------------------------------------------------
if [ "${PROCUREMENT_TEST_NO_BROKER:-}" = "1" ]; then
  step "PROCUREMENT_TEST_NO_BROKER=1: no broker; tests that need RabbitMQ will skip"
  unset PROCUREMENT_TEST_RABBITMQ_HOST PROCUREMENT_TEST_RABBITMQ_PORT
else
  step "starting a private RabbitMQ node"
  BROKER_STATE="$WORK/rabbitmq"   # set first, so a half-started node is stopped too
  exports=$("$ROOT/scripts/rabbitmq-node.sh" start "$BROKER_STATE")
  eval "$exports"
  echo "broker: $PROCUREMENT_TEST_RABBITMQ_HOST:$PROCUREMENT_TEST_RABBITMQ_PORT"
fi

# --- 1b. browser -----------------------------------------------------------------------------
# Debian's chromium (the browser tests drive /usr/bin/chromium with Playwright) and a CJK font, without
# which the zh-CN pages render as empty boxes in the screenshots. As the broker's packages
# (scripts/rabbitmq-node.sh): apt as root, refused otherwise. The package lists are updated only when
# apt does not know a package yet or the install fails on stale lists, so a fresh machine whose lists
# the broker's install just updated does not update them a second time.
BROWSER_PACKAGES=(chromium fonts-wqy-microhei)
install_browser() {
  local missing=() pkg
  for pkg in "${BROWSER_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: missing packages (${missing[*]}) and not root; install them first: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  local apt=(apt-get -o DPkg::Lock::Timeout=600)
  local install=(env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "${missing[@]}")
  if ! { apt-cache show "${missing[@]}" > /dev/null 2>&1 && "${install[@]}"; }; then
    "${apt[@]}" update
    "${install[@]}"
  fi
}
step "browser: ${BROWSER_PACKAGES[*]} for the Playwright tests"
install_browser
[ -x /usr/bin/chromium ] || { echo "error: the chromium package did not install /usr/bin/chromium" >&2; exit 1; }
/usr/bin/chromium --version

# --- 2. build --------------------------------------------------------------------------------
step "dotnet tool restore"
dotnet tool restore
step "dotnet build (Release, -warnaserror)"
dotnet build Procurement.sln -warnaserror -c Release

# --- 3. EF model vs migrations ---------------------------------------------------------------
# One migration set per provider (Data/Migrations for SQL Server, Data/Migrations/Sqlite for SQLite); the
# design-time factory picks the provider from PROCUREMENT_EF_PROVIDER, so each set is checked against its model.
for p in "${EF_PROJECTS[@]}"; do
  for provider in SqlServer Sqlite; do
    step "EF pending model changes: $p ($provider)"
    PROCUREMENT_EF_PROVIDER=$provider \
      dotnet ef migrations has-pending-model-changes --project "$p" --no-build --configuration Release
  done
done

# --- 4. tests --------------------------------------------------------------------------------
step "dotnet test"
test_rc=0
# A test that runs 15 minutes is hung (the longest, a browser journey, takes under 3): its host is stopped and the
# test named as failed, instead of the run waiting out CI's limit in silence (which a clock loop spinning inside a fake
# clock once made it do).
dotnet test Procurement.sln --no-build -c Release \
  --blame-hang-timeout 15m --blame-hang-dump-type none \
  --logger "console;verbosity=normal" \
  --logger "trx;LogFilePrefix=procurement" \
  --results-directory "$RESULTS" \
  "$@" || test_rc=$?

# Count outcomes from the TRX files (one <UnitTestResult .../> per test case; skipped = NotExecuted).
passed=0 failed=0 skipped=0
shopt -s nullglob
trx_files=("$RESULTS"/*.trx)
if [ ${#trx_files[@]} -gt 0 ]; then
  outcomes=$(grep -ho '<UnitTestResult [^>]*' "${trx_files[@]}" | grep -o ' outcome="[A-Za-z]*"' || true)
  passed=$(grep -c '"Passed"' <<< "$outcomes" || true)
  failed=$(grep -cE '"(Failed|Error|Timeout|Aborted)"' <<< "$outcomes" || true)
  skipped=$(grep -cE '"(NotExecuted|Inconclusive|NotRunnable)"' <<< "$outcomes" || true)
fi
# CI keeps only the tail of this output: name every failed test (and the start of its message) last.
if [ "$failed" -ne 0 ]; then
  echo
  echo "Failed tests:"
  if command -v python3 > /dev/null; then
    python3 - "${trx_files[@]}" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    for r in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            message = r.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
            print("  " + r.get("testName", "?"))
            if message:
                print("    " + message[:600].replace("\n", "\n    "))
PY
  else
    grep -ho '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*' "${trx_files[@]}" \
      | grep -o 'testName="[^"]*"' | sed 's/^/  /'
  fi
fi
# A hung test has no result: the blame collector's sequence file names the test that never completed.
hung_files=("$RESULTS"/*/Sequence_*.xml)
hung=0
if [ ${#hung_files[@]} -gt 0 ]; then
  hung_names=$(grep -ho '<Test Name="[^"]*"[^>]*Completed="False"' "${hung_files[@]}" | sed 's/<Test Name="\([^"]*\)".*/  \1/' || true)
  if [ -n "$hung_names" ]; then
    hung=$(grep -c . <<< "$hung_names")
    echo
    echo "Hung tests (stopped after 15 minutes; their project's later tests did not run):"
    echo "$hung_names"
  fi
fi
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped, $hung hung (the script ran ${SECONDS} s)"

if [ "$test_rc" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
