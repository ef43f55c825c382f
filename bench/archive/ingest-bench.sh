#!/usr/bin/env bash
# Ingest benchmark and cost curve for docs/performance.md "Archive (ingest and search)".
# Usage: bench/archive/ingest-bench.sh ANT_DIR [OUT_DIR] [SIZES...]
#   ANT_DIR  ../shared/data/news-classification/ant-v2.1-multisource (train, dev and test JSONL)
#   OUT_DIR  where the archives go (default /tmp/marsad-bench)
#   SIZES    article counts, each ingested by its own process into its own fresh archive
#            (default: 3000 10000 all — the cost curve; "all" is every article of train+dev+test).
# For each size: `marsad ingest` with the full default pipeline (Release build) under GNU time: wall
# seconds, articles/s, CPU seconds (user + sys), articles per CPU-second, CPU ms per article, peak RSS,
# database and index size. Wall figures need an idle machine; CPU figures are fair on a shared one.
# Then `marsad eval search` on the largest archive: known-item MRR@10 (Marsad's analyzer vs Lucene's
# ArabicAnalyzer, 1,000 rewritten headlines cut to 3 words) and latency over 1,000 queries (wall and the
# searching thread's CPU time, with and without highlights).
# Ends with Markdown tables ready for docs/performance.md.
set -euo pipefail
ant=${1:?give the ANT v2.1 multisource folder}
out=${2:-/tmp/marsad-bench}
shift $(( $# >= 2 ? 2 : 1 ))
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(3000 10000 all); fi
repo=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$repo/src/Marsad.Cli" -c Release --nologo -v q >/dev/null
cli="$repo/src/Marsad.Cli/bin/Release/net10.0/Marsad.Cli.dll"
mkdir -p "$out"
all="$out/ant-all.jsonl"
cat "$ant/train.jsonl" "$ant/dev.jsonl" "$ant/test.jsonl" > "$all"
rows="$out/rows.md"
: > "$rows"
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in "${sizes[@]}"; do
  # A folder of 5,000-line files: each input file must stay under the readers' 50 MB limit.
  input="$out/ant-$size"
  rm -rf "$input" && mkdir -p "$input"
  if [ "$size" = all ]; then cat "$all"; else head -n "$size" "$all"; fi | split -l 5000 -d --additional-suffix=.jsonl - "$input/part-"
  data="$out/data-$size"
  rm -rf "$data"
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$out/time-$size.txt" dotnet "$cli" ingest "$input" --data "$data" --json > "$out/ingest-$size.json" 2> "$out/progress-$size.txt"
  read -r wall user sys rss < "$out/time-$size.txt"
  python3 - "$out/ingest-$size.json" "$size" "$wall" "$user" "$sys" "$rss" "$load" "$rows" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
size, wall, user, sys_, rss, load, rows = sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), sys.argv[7], sys.argv[8]
n = d["accepted"] + d["duplicates"] + d["alreadyStored"]
a = d["archive"]
cpu = user + sys_
print(f"{size}: {n} articles in {wall:.1f} s wall ({n / wall:.1f}/s), {cpu:.1f} CPU s ({n / cpu:.1f} per CPU-second, {1000 * cpu / n:.2f} ms each), "
      f"peak RSS {rss / 1024:.0f} MB, database {a['databaseBytes'] / 1048576:.1f} MB, index {a['indexBytes'] / 1048576:.1f} MB; load at start {load}")
print(f"  accepted={d['accepted']} duplicates={d['duplicates']} (exact {d['exactDuplicates']}, near {d['nearDuplicates']}) rejected={d['rejected']} stories={a['stories']}")
print(f"  stage seconds (wall, summed over threads): {d['stageSeconds']}")
with open(rows, "a") as f:
    f.write(f"| {n:,} | {wall:.1f} | {n / wall:.0f} | {cpu:.1f} | {n / cpu:.0f} | {1000 * cpu / n:.2f} | {rss / 1024:.0f} | {a['databaseBytes'] / 1048576:.0f} | {a['indexBytes'] / 1048576:.0f} | {a['stories']:,} | {load} |\n")
PY
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
last="${sizes[-1]}"
dotnet "$cli" eval search --data "$out/data-$last" --queries 1000 --words 3 --latency-queries 1000 --json > "$out/search-$last.json"
echo
echo "ingest (each size a separate process and a fresh archive):"
echo "| articles | wall s | articles/s | CPU s | articles per CPU-s | CPU ms per article | peak RSS MB | database MB | index MB | stories | load at start |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
cat "$rows"
python3 - "$out/search-$last.json" <<'PY'
import json, sys
text, decoder, objects, i = open(sys.argv[1]).read(), json.JSONDecoder(), [], 0
while i < len(text):
    if text[i].isspace():
        i += 1
        continue
    obj, i = decoder.raw_decode(text, i)
    objects.append(obj)
quality = next(o for o in objects if "scores" in o)
kinds = list(quality["scores"][0]["mrrByRewrite"])
print(f"\nknown-item search, {quality['queries']} headlines rewritten and cut to {quality['words']} words, {quality['documents']:,} documents (seed {quality['seed']}):\n")
print("| analyzer | MRR@10 | success@1 | success@10 | " + " | ".join(kinds) + " |")
print("|---" * (4 + len(kinds)) + "|")
for s in quality["scores"]:
    print(f"| {s['analyzer']} | {s['mrr']:.3f} | {s['successAt1']:.3f} | {s['successAt10']:.3f} | " + " | ".join(f"{s['mrrByRewrite'][k]:.3f}" for k in kinds) + " |")
print("\nsearch latency, ms (1,000 queries of 1-3 headline words, one in four a phrase, after 50 warm-up queries):\n")
print("| highlights | wall p50 | wall p90 | wall p99 | wall max | CPU p50 | CPU p90 | CPU p99 | CPU max |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for l in (o for o in objects if "p50Ms" in o):
    cpu = " | ".join(f"{l[k]:.2f}" if l.get(k) is not None else "n/a" for k in ("cpuP50Ms", "cpuP90Ms", "cpuP99Ms", "cpuMaxMs"))
    print(f"| {'yes' if l['highlights'] else 'no'} | {l['p50Ms']:.2f} | {l['p90Ms']:.2f} | {l['p99Ms']:.2f} | {l['maxMs']:.2f} | {cpu} |")
PY
