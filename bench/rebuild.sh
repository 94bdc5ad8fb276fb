#!/usr/bin/env bash
# Benchmark: what `strata rebuild` adds to the builds themselves, on a real case.
#   Builds a debootstrap bookworm base + `apt-get install python3-numpy` project twice with buildah
#   through `strata rebuild --format json`, and reports, from strata's own timings, the time inside
#   the builders' build commands against the time strata adds: copying the build context, exporting
#   each image to an OCI archive (uncompressed layers), and reading + comparing the two images.
#   Also times `sha256sum` over both archives (the floor for anything that reads them once).
# Needs root, buildah, debootstrap, python3. Usage: bench/rebuild.sh [RUNS] (default 1 rebuild).
# Not part of `mvn verify`; record the output in docs/benchmarks.md (section "rebuild").
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
for tool in buildah debootstrap python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/strata-bench-rebuild.XXXXXX")
trap 'rm -rf "$work"' EXIT

cache="${TMPDIR:-/tmp}/strata-it-cache"
rootfs="$cache/bench-bookworm-minbase.tar"
mkdir -p "$cache"
if [ ! -f "$rootfs" ]; then
  echo "bench: debootstrap bookworm (cached in $rootfs)" >&2
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1
  tar --numeric-owner --sort=name -C "$work/rootfs" -cf "$rootfs.tmp" . && mv "$rootfs.tmp" "$rootfs"
  rm -rf "$work/rootfs"
fi
mkdir -p "$work/project"
cp "$rootfs" "$work/project/rootfs.tar"
cat >"$work/project/Dockerfile" <<'DOCKERFILE'
FROM scratch
ADD rootfs.tar /
RUN apt-get update && apt-get install -y python3-numpy
DOCKERFILE

./mvnw -B -q -DskipTests package >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(buildah --version)"
for i in $(seq 1 "$runs"); do
  rm -rf "$work/keep"
  echo "command: strata rebuild --keep --work-dir $work/keep --format json $work/project" >&2
  set +e
  java -jar target/strata.jar rebuild --keep --work-dir "$work/keep" --format json "$work/project" >"$work/result.json"
  code=$?
  set -e
  sums=$( { /usr/bin/env time -f '%e' sha256sum "$work"/keep/build-*.oci.tar >/dev/null; } 2>&1 | tail -1)
  python3 - "$work/result.json" "$code" "$sums" "$work/keep" <<'PY'
import json, os, sys, glob
r = json.load(open(sys.argv[1]))
t = r["timings"]
sizes = [os.path.getsize(p) // (1 << 20) for p in sorted(glob.glob(sys.argv[4] + "/build-*.oci.tar"))]
print(f"verdict: {r['verdict']} (exit {sys.argv[2]}), builder {r['builder']['detail']}, images {sizes} MB")
for b in r["builds"]:
    s = b["seconds"]
    print(f"  build {b['index']}: build {s['build']:.1f} s, export {s['export']:.1f} s, copy {s['copy']:.1f} s")
print(f"  total {t['totalSeconds']:.1f} s = builds {t['buildSeconds']:.1f} s + added by rebuild {t['overheadSeconds']:.1f} s"
      f" (copy {t['copySeconds']:.1f}, export {t['exportSeconds']:.1f}, compare {t['compareSeconds']:.1f})"
      f" + other {t['totalSeconds'] - t['buildSeconds'] - t['overheadSeconds']:.1f} s")
print(f"  overhead / builds: {100 * t['overheadSeconds'] / t['buildSeconds']:.0f} %;"
      f" sha256sum of both archives: {sys.argv[3]} s")
PY
done
