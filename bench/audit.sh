#!/usr/bin/env bash
# Audit benchmark (docs/benchmarks.md, section "audit"):
#  1. strata's in-memory audit throughput on the 618 corpus files (JMH, dev.strata.bench.AuditBenchmark),
#     on one thread and on all cores (a parallel stream over the files), plus thread-CPU figures
#     (dev.strata.bench.AuditPhases, which also checks the all-cores findings equal the one-thread ones);
#  2. dockerfilelint (npm, installed into a temporary prefix) linting the same files in-process, after
#     the same kind of warm-up, and the ratios (strata one thread and all cores against it);
#  3. `./strata audit examples/jax-cuda` end to end, JVM start included (median of 10 runs).
# Needs a JDK 17+, node and npm. Writes only under target/ and a temporary directory it removes.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${STRATA_SHARED:-../shared}
corpus="$shared/corpus/dockerfiles"
[ -d "$corpus" ] || { echo "bench: corpus not found at $corpus (set STRATA_SHARED)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== building" >&2
./mvnw -B -q -DskipTests package >&2
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$tmp/cp.txt" -Dmdep.includeScope=test >&2
cp="target/test-classes:target/classes:$(cat "$tmp/cp.txt")"

echo "== strata: parse + shell split + all rules, in memory, one JVM after warm-up (JMH)" >&2
java -Dstrata.shared="$shared" -cp "$cp" org.openjdk.jmh.Main 'dev.strata.bench.AuditBenchmark' \
  -rf json -rff "$tmp/jmh.json" >&2
score() { node -e 'const r=require(process.argv[1]);const b=r.find(x=>x.benchmark.endsWith("."+process.argv[2]));console.log(b.primaryMetric.score.toFixed(0))' "$tmp/jmh.json" "$1"; }
strata_fps=$(score auditCorpus)
strata_all_fps=$(score auditCorpusAllCores)
parse_fps=$(score parseOnly)
model_fps=$(score parseAndModel)

echo "== strata: CPU time per phase (load-independent)" >&2
java -Dstrata.shared="$shared" -cp "$cp" dev.strata.bench.AuditPhases > "$tmp/phases.txt"
cat "$tmp/phases.txt" >&2

echo "== dockerfilelint: same files, in-process, after warm-up" >&2
npm install --prefix "$tmp/npm" --no-audit --no-fund --silent dockerfilelint >&2
version=$(node -e 'console.log(require(process.argv[1]).version)' "$tmp/npm/node_modules/dockerfilelint/package.json")
cat > "$tmp/dfl.js" <<'JS'
const fs = require('fs'), path = require('path');
const lint = require(process.argv[2]);
const files = [];
(function walk(d) { for (const e of fs.readdirSync(d, {withFileTypes: true}).sort((a, b) => a.name < b.name ? -1 : 1)) {
  const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else files.push(fs.readFileSync(p, 'utf8')); } })(process.argv[3]);
const emptyConfig = fs.mkdtempSync(path.join(process.argv[4], 'cfg-'));
function round() { let n = 0; for (const f of files) { try { n += lint.run(emptyConfig, f).length; } catch (e) { n++; } } return n; }
for (let i = 0; i < 5; i++) round();
const rounds = 10, t0 = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) round();
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(Math.round(files.length * rounds / secs) + ' ' + files.length);
JS
read -r dfl_fps dfl_files < <(node "$tmp/dfl.js" "$tmp/npm/node_modules/dockerfilelint" "$corpus" "$tmp")

echo "== ./strata audit examples/jax-cuda, end to end (JVM start included; launcher uses CDS)" >&2
rm -f target/strata.jsa
./strata audit examples/jax-cuda >/dev/null 2>&1 || true   # records the CDS archive for the audit's classes
./strata audit examples/jax-cuda >/dev/null 2>&1 || true
times=()
cpus=()
TIMEFORMAT='%R %U %S'
for i in $(seq 10); do
  t=$( { time ./strata audit examples/jax-cuda >/dev/null 2>&1; } 2>&1 | tail -1 ) || true
  read -r real user sys <<<"$t"
  times+=("$(awk -v r="$real" 'BEGIN {printf "%d", r * 1000}')")
  cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')")
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
median=$(med "${times[@]}")
cpu_median=$(med "${cpus[@]}")

echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average at the end:$(uptime | sed 's/.*load average://')"
echo "strata audit (in memory, JMH):     one thread ${strata_fps} files/s, all $(nproc) cores ${strata_all_fps} files/s over 618 corpus files (one thread, parse only: ${parse_fps} files/s; parse + model with shell split: ${model_fps} files/s)"
echo "dockerfilelint ${version} (in-process, one thread): ${dfl_fps} files/s over ${dfl_files} files"
sed 's/^/strata phases: /' "$tmp/phases.txt"
node -e 'console.log("ratio strata / dockerfilelint:   one thread " + (process.argv[1] / process.argv[3]).toFixed(1) + "x, all cores " + (process.argv[2] / process.argv[3]).toFixed(1) + "x")' "$strata_fps" "$strata_all_fps" "$dfl_fps"
echo "./strata audit examples/jax-cuda:  median ${median} ms wall, ${cpu_median} ms CPU (user+sys) over 10 runs (wall: ${times[*]})"
