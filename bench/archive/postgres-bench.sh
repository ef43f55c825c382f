#!/usr/bin/env bash
# Server-mode benchmark for docs/performance.md "Archive (ingest and search)" > "PostgreSQL".
# Usage: bench/archive/postgres-bench.sh ANT_DIR DB_URL [N] [WORKERS...]
#   ANT_DIR  ../shared/data/news-classification/ant-v2.1-multisource (train, dev and test JSONL)
#   DB_URL   postgres://user@host:port/postgres (a server where this user may create databases)
#   N        articles (default 5000); WORKERS: worker counts to run (default 1 2 4)
# For each worker count: a fresh database, `marsad ingest --db` (enqueue), then that many
# `marsad worker --exit-when-idle` processes started together; wall time from start to the last exit,
# articles/s, and the exactly-once check (every job done, every article stored once).
# Then the embedded archive on the same N (`marsad ingest --data`), and `marsad eval search --db`
# on the last database (Marsad's tsvector vs PostgreSQL's 'arabic', 1,000 known-item queries).
set -euo pipefail
ant=${1:?give the ANT v2.1 multisource folder}
url=${2:?give a postgres:// URL}
n=${3:-5000}
shift $(( $# >= 3 ? 3 : 2 ))
workers=("${@:-1 2 4}")
read -r -a workers <<< "${workers[*]}"
repo=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$repo/src/Marsad.Cli" -c Release --nologo -v q >/dev/null
cli="$repo/src/Marsad.Cli/bin/Release/net10.0/Marsad.Cli.dll"
out=$(mktemp -d /tmp/marsad-pgbench.XXXXXX)
{ cat "$ant/train.jsonl" "$ant/dev.jsonl" "$ant/test.jsonl" || true; } | head -n "$n" > "$out/input.jsonl" || true
base=${url%/*}
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); articles: $n"
printf '%-10s %8s %8s %8s %8s %s\n' store workers seconds "art/s" stored exactly-once
for w in "${workers[@]}"; do
  name="marsad_bench_$w"
  psql -q "$url" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name"
  db="$base/$name"
  dotnet "$cli" ingest --db "$db" "$out/input.jsonl" --json > "$out/enqueue-$w.json" || true
  start=$(date +%s.%N)
  pids=()
  for i in $(seq 1 "$w"); do
    dotnet "$cli" worker --db "$db" --exit-when-idle --json > "$out/worker-$w-$i.json" 2>"$out/worker-$w-$i.log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  end=$(date +%s.%N)
  jobs=$(psql -tA "$db" -c "SELECT COUNT(*) FROM jobs")
  stored=$(psql -tA "$db" -c "SELECT COUNT(*) FROM articles")
  check=$(psql -tA "$db" -c "SELECT (SELECT COUNT(*) FROM jobs WHERE status <> 'done') = 0 AND (SELECT COUNT(*) FROM jobs j WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = j.key)) = 0 AND (SELECT COUNT(*) FROM analyses) = (SELECT COUNT(*) FROM articles)")
  secs=$(echo "$end - $start" | bc -l)
  printf '%-10s %8s %8.1f %8.1f %8s %s\n' postgres "$w" "$secs" "$(echo "$jobs / $secs" | bc -l)" "$stored/$jobs" "$check"
done
start=$(date +%s.%N)
dotnet "$cli" ingest --data "$out/embedded" "$out/input.jsonl" --json > "$out/embedded.json" || true
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc -l)
printf '%-10s %8s %8.1f %8.1f\n' embedded "-" "$secs" "$(echo "$n / $secs" | bc -l)"
echo "eval search --db (last database):"
dotnet "$cli" eval search --db "$db" --queries 1000 --json
echo "eval search --data (embedded, same articles):"
dotnet "$cli" eval search --data "$out/embedded" --queries 1000 --latency-queries 0 --json
