#!/usr/bin/env bash
# Ingest benchmark for docs/performance.md "Archive (ingest and search)".
# Usage: bench/archive/ingest-bench.sh ANT_DIR [OUT_DIR] [SIZES...]
#   ANT_DIR  ../shared/data/news-classification/ant-v2.1-multisource (train, dev and test JSONL)
#   OUT_DIR  where the archives go (default /tmp/marsad-bench)
#   SIZES    article counts to ingest into fresh archives (default: all). Each run also reports
#            the elapsed time at which it passed 3,000 and 10,000 articles (from its progress lines).
# For each size: a fresh archive, `marsad ingest` with the full default pipeline (Release build),
# wall time, articles/s, CPU time, peak RSS (GNU time), database and index size.
# Then `marsad eval search` on the largest archive (known-item MRR@10 and latency over 1,000 queries).
set -euo pipefail
ant=${1:?give the ANT v2.1 multisource folder}
out=${2:-/tmp/marsad-bench}
shift $(( $# >= 2 ? 2 : 1 ))
sizes=("${@:-all}")
read -r -a sizes <<< "${sizes[*]}"
repo=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$repo/src/Marsad.Cli" -c Release --nologo -v q >/dev/null
cli="$repo/src/Marsad.Cli/bin/Release/net10.0/Marsad.Cli.dll"
mkdir -p "$out"
all="$out/ant-all.jsonl"
cat "$ant/train.jsonl" "$ant/dev.jsonl" "$ant/test.jsonl" > "$all"
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %8s %9s %11s %9s %10s %9s %9s\n' size seconds "art/s" "cpu-s" "art/cpu-s" "peakRSS-MB" "db-MB" "index-MB"
for size in "${sizes[@]}"; do
  # A folder of 5,000-line files: each input file must stay under the readers' 50 MB limit.
  input="$out/ant-$size"
  rm -rf "$input" && mkdir -p "$input"
  if [ "$size" = all ]; then cat "$all"; else head -n "$size" "$all"; fi | split -l 5000 -d --additional-suffix=.jsonl - "$input/part-"
  data="$out/data-$size"
  rm -rf "$data"
  start=$(date +%s.%N)
  /usr/bin/time -f '%e %U %S %M' -o "$out/time-$size.txt" dotnet "$cli" ingest "$input" --data "$data" --json 2> >(while IFS= read -r line; do echo "$(echo "$(date +%s.%N) - $start" | bc) $line"; done > "$out/progress-$size.txt") > "$out/ingest-$size.json"
  sleep 1
  awk '{ split($3, a, "/"); n = a[1] + 0; for (k = 0; k < 3; k++) { m = (k == 0 ? 3000 : (k == 1 ? 10000 : 20000)); if (n >= m && !(m in seen)) { seen[m] = 1; printf "         passed %d articles at %.1f s\n", m, $1 } } }' "$out/progress-$size.txt"
  read -r wall user sys rss < "$out/time-$size.txt"
  python3 - "$out/ingest-$size.json" "$size" "$wall" "$user" "$sys" "$rss" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); size, wall, user, sys_, rss = sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
n = d["accepted"] + d["duplicates"] + d["alreadyStored"]
a = d["archive"]
print(f"{size:<8} {wall:8.1f} {n / wall:9.1f} {user + sys_:11.1f} {n / (user + sys_):9.1f} {rss / 1024:10.0f} {a['databaseBytes'] / 1048576:9.1f} {a['indexBytes'] / 1048576:9.1f}")
print(f"         articles={n} accepted={d['accepted']} duplicates={d['duplicates']} (exact {d['exactDuplicates']}, near {d['nearDuplicates']}) rejected={d['rejected']} stories={a['stories']} stages={d['stageSeconds']}")
PY
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
last="${sizes[-1]}"
dotnet "$cli" eval search --data "$out/data-$last" --queries 1000 --latency-queries 1000
