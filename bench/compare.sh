#!/usr/bin/env bash
# Benchmark of `strata compare` on two real images of about 400 MB, in one run:
#   1. builds the same Dockerfile twice with buildah (debootstrap bookworm base + apt-get install
#      python3-numpy), exports both as docker-archive tars;
#   2. times `strata compare A B` against `sha256sum A B` (the floor for any tool that verifies
#      digests; also openssl for reference) with /usr/bin/time -v (wall time, peak RSS);
#   3. times diffoscope on the same pair, bounded by a timeout.
# Needs root, buildah, debootstrap, /usr/bin/time; diffoscope is optional. For diffoscope to look
# inside the layer tars it needs python3-magic (file type detection) and python3-libarchive-c
# (tar/archive reading): apt-get install diffoscope python3-magic python3-libarchive-c
#   (check with `diffoscope --list-tools`; without python3-magic it only diffs the outer file list).
# Usage: bench/compare.sh [RUNS]    (default 3 timed runs of each command, after one warm-up)
# Not part of `mvn verify`; results go to stdout, to be recorded in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
diffoscope_limit=${DIFFOSCOPE_TIMEOUT:-600}
# Heap cap for the extra `strata-xmx` measurement (the launcher's own default is measured as `strata`).
xmx=${STRATA_XMX:-192m}

for tool in buildah debootstrap /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/strata-bench.XXXXXX")
storage=(--root "$work/storage" --runroot "$work/run" --storage-driver vfs)
cleanup() {
  buildah "${storage[@]}" rm --all >/dev/null 2>&1 || true
  buildah "${storage[@]}" rmi --all --force >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The debootstrap rootfs is cached between runs (as the integration tests cache theirs).
cache="${TMPDIR:-/tmp}/strata-it-cache"
rootfs="$cache/bench-bookworm-minbase.tar"
mkdir -p "$cache"
if [ ! -f "$rootfs" ]; then
  echo "bench: debootstrap bookworm (cached in $rootfs)" >&2
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1
  tar --numeric-owner --sort=name -C "$work/rootfs" -cf "$rootfs.tmp" . && mv "$rootfs.tmp" "$rootfs"
  rm -rf "$work/rootfs"
fi

mkdir -p "$work/ctx"
cp "$rootfs" "$work/ctx/rootfs.tar"
cat >"$work/ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
ADD rootfs.tar /
RUN apt-get update && apt-get install -y python3-numpy
DOCKERFILE

for n in a b; do
  echo "bench: building image $n" >&2
  STORAGE_DRIVER=vfs buildah "${storage[@]}" bud --isolation chroot --network host --layers --no-cache \
    -t "bench-$n" "$work/ctx" >"$work/build-$n.log" 2>&1
  buildah "${storage[@]}" push "bench-$n" "docker-archive:$work/$n.tar:bench-$n:latest" >/dev/null 2>&1
done
A="$work/a.tar"
B="$work/b.tar"
echo "images: $(du -m "$A" | cut -f1) MB and $(du -m "$B" | cut -f1) MB (docker-archive, uncompressed layers)"

./mvnw -B -q -DskipTests package >/dev/null
jar="$PWD/target/strata.jar"

# timed CMD...: prints "wall_seconds peak_rss_kb exit" for one run
timed() {
  local out="$work/time.txt" rc=0
  /usr/bin/time -v -o "$out" "$@" >"$work/stdout.txt" 2>"$work/stderr.txt" || rc=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$out")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out")
  echo "$wall $rss $rc"
}

cat "$A" "$B" >/dev/null   # warm the page cache so every tool reads from memory
./strata --version >/dev/null 2>&1   # the launcher's first run records its class-data-sharing archive
declare -A results
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in strata strata-jar strata-xmx sha256sum openssl; do
  case $name in
    strata) cmd=(./strata compare "$A" "$B") ;;
    strata-jar) cmd=(java -jar "$jar" compare "$A" "$B") ;;
    strata-xmx) cmd=(java "-Xmx$xmx" -jar "$jar" compare "$A" "$B") ;;
    sha256sum) cmd=(sha256sum "$A" "$B") ;;
    openssl) cmd=(openssl dgst -sha256 "$A" "$B") ;;
  esac
  timed "${cmd[@]}" >/dev/null   # warm-up
  for i in $(seq "$runs"); do
    r=$(timed "${cmd[@]}")
    results[$name]+="$r;"
    echo "$name run $i: wall ${r%% *} s, peak RSS $(echo "$r" | cut -d' ' -f2) KB, exit ${r##* }"
  done
  if [ "$name" = strata ]; then
    echo "strata verdict: $(head -n1 "$work/stdout.txt")"
    sed -n '1,60p' "$work/stdout.txt" >"$work/strata-output.txt"
  fi
done

median() { tr ';' '\n' | grep -v '^$' | awk '{print $'"$1"'}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
s_wall=$(echo "${results[strata]}" | median 1); s_rss=$(echo "${results[strata]}" | median 2)
j_wall=$(echo "${results[strata-jar]}" | median 1); j_rss=$(echo "${results[strata-jar]}" | median 2)
echo "median: java -jar strata.jar compare ${j_wall} s (peak RSS ${j_rss} KB)"
x_wall=$(echo "${results[strata-xmx]}" | median 1); x_rss=$(echo "${results[strata-xmx]}" | median 2)
echo "median: java -Xmx$xmx -jar strata.jar compare ${x_wall} s (peak RSS ${x_rss} KB)"
h_wall=$(echo "${results[sha256sum]}" | median 1); o_wall=$(echo "${results[openssl]}" | median 1)
echo "median: ./strata compare ${s_wall} s (peak RSS ${s_rss} KB), sha256sum ${h_wall} s, openssl ${o_wall} s"
echo "ratio strata/sha256sum: $(awk -v a="$s_wall" -v b="$h_wall" 'BEGIN {printf "%.2f", a/b}')"

if command -v diffoscope >/dev/null; then
  r=$(timed timeout "$diffoscope_limit" diffoscope --no-progress --text "$work/diffoscope.txt" "$A" "$B")
  d_wall=${r%% *}; d_rss=$(echo "$r" | cut -d' ' -f2); d_rc=${r##* }
  note=""; [ "$d_rc" = 124 ] && note=" (stopped by the ${diffoscope_limit} s timeout)"
  echo "diffoscope: wall ${d_wall} s, peak RSS ${d_rss} KB, exit ${d_rc}${note}"
  echo "ratio diffoscope/strata: wall $(awk -v a="$d_wall" -v b="$s_wall" 'BEGIN {printf "%.1f", a/b}'), peak RSS $(awk -v a="$d_rss" -v b="$s_rss" 'BEGIN {printf "%.1f", a/b}')"
  echo "ratio diffoscope/sha256sum: $(awk -v a="$d_wall" -v b="$h_wall" 'BEGIN {printf "%.1f", a/b}')"
  echo "diffoscope $(diffoscope --version 2>/dev/null): $(wc -l <"$work/diffoscope.txt") lines of report; first lines:"
  head -n 15 "$work/diffoscope.txt"
else
  echo "diffoscope: not installed (apt-get install diffoscope), skipped"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "--- strata compare --show-noise ---"
./strata compare --show-noise "$A" "$B" || true
if [ -n "${KEEP_IMAGES:-}" ]; then
  mkdir -p "$KEEP_IMAGES" && cp "$A" "$B" "$KEEP_IMAGES"/ && echo "images kept in $KEEP_IMAGES"
fi
