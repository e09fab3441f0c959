#!/usr/bin/env bash
# Peak memory of `fmap migrate` (issue 9): generates a Spark export of SIZE records, starts the
# Dataverse emulator in its own JVM (--limits none) with the plan's target schema, approves the
# standard mapping set and migrates from the export files, measuring the migrate process alone:
# peak RSS (GNU time) and the most heap it kept live (JFR GC heap summaries).
#
#   mvn -B -q -pl cli,bench -am package -DskipTests
#   bench/memory/migrate-memory.sh SIZE [XMX]        e.g. bench/memory/migrate-memory.sh 20000 512m
#   LIMITS=default bench/memory/migrate-memory.sh ...  the emulator's service protection limits (default: none)
#   EMULATOR_XMX=6g ...   the emulator's heap (default 2g; it keeps every row it is sent)
#
# Work folders go to $TMPDIR (default /tmp); the generated export of each size is kept there and reused.
set -euo pipefail
size="${1:?usage: migrate-memory.sh SIZE [XMX]}"
xmx="${2:-1g}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fmap_jar="$repo/cli/target/fmap.jar"
bench_jar="$repo/bench/target/benchmarks.jar"
for jar in "$fmap_jar" "$bench_jar"; do
  [ -f "$jar" ] || { echo "missing $jar: run mvn -B -q -pl cli,bench -am package -DskipTests" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time) for the peak RSS" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/fmap-memory.XXXXXX")"
# Copies of the jars: a rebuild while a long run goes on must not change the classes under it.
cp "$fmap_jar" "$work/fmap.jar" && fmap_jar="$work/fmap.jar"
cp "$bench_jar" "$work/benchmarks.jar" && bench_jar="$work/benchmarks.jar"
emulator_pid=""
cleanup() { [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

# The export is made once per size and kept next to the work folders (generating a million records
# takes minutes): a finished one has its .done marker.
export_dir="$(dirname "$work")/fmap-export-$size-seed7"
if [ ! -f "$export_dir.done" ]; then
  rm -rf "$export_dir"
  java -jar "$fmap_jar" generate --size "$size" --seed 7 --out "$export_dir" >/dev/null
  touch "$export_dir.done"
fi
ln -s "$export_dir" "$work/export"
mkdir -p "$work/acme"
cp -r "$repo/stdlib-mappings/mappings" "$repo/stdlib-mappings/schemas" "$work/acme/"
java -cp "$bench_jar" io.fmap.bench.memory.PlanTargetSchema "$work/acme" "$work/desired.json"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
java "-Xmx${EMULATOR_XMX:-2g}" -jar "$fmap_jar" emulate dataverse --port "$port" --schema "$work/desired.json" \
  --key-activation-seconds 0 --limits "${LIMITS:-none}" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 120); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.5
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "the emulator did not start:" >&2; cat "$work/emulator.log" >&2; exit 1; }

cat >"$work/acme/fmap.yaml" <<YAML
dataverse:
  url: http://127.0.0.1:$port
  tokenUrl: http://127.0.0.1:$port/contoso/oauth2/v2.0/token
fallbackOwner: team:fmap-demo
# The generated data ends on 2026-06-01 (SampleGenerator.DATA_ENDS): 90 idle days counted from then,
# as fmap demo does, so contacts still split into contacts and leads.
params:
  lead_idle_days: $(( 90 + ( $(date +%s) - 1780272000 ) / 86400 ))
YAML
java -jar "$fmap_jar" plan --approve "$work/acme" >/dev/null 2>&1

cd "$work/acme"
FMAP_TARGET_CLIENT_ID=fmap-demo FMAP_TARGET_CLIENT_SECRET=fmap-demo \
  /usr/bin/time -f "peak RSS %M KB; %e s wall, %U s user, %S s system" -o "$work/time.txt" \
  java "-Xmx$xmx" "-XX:StartFlightRecording=filename=$work/migrate.jfr,settings=default" \
  -jar "$fmap_jar" migrate --source-dir "$work/export" --accept-warnings --json >"$work/migrate.json" 2>"$work/migrate.err" \
  || echo "migrate exited $? (1 = some records failed or were quarantined; see $work/migrate.json)"

# JFR's start-up lines come first on stdout; the result object starts at the first "{".
read_records="$(python3 -c 'import json,sys; t=open(sys.argv[1]).read(); print(json.loads(t[t.index("{"):]).get("recordsRead","?"))' "$work/migrate.json" 2>/dev/null || echo "?")"
echo "size $size, -Xmx$xmx, limits ${LIMITS:-none}, records read $read_records"
cat "$work/time.txt"
java -cp "$bench_jar" io.fmap.bench.memory.HeapAfterGc "$work/migrate.jfr"
echo "files in $work"
