#!/usr/bin/env bash
# How the status page's queries hold up with many jobs: seeds a data dir with
# N finished jobs (copies of one real job, written straight into deckd.db),
# starts deckd on it and prints a table of request times for the job list
# (first page, a filter, a search, a search matching nothing, the 100th page
# by cursor) and the overview.
#
#   bench/list_bench.sh [N] [path/to/deckd]     (defaults: 20000, build/src/deckd)
# Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
DECKD=${2:-build/src/deckd}
WORK=$(mktemp -d)
PID=
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

start() {
  "$DECKD" serve --listen 127.0.0.1:0 --data-dir "$WORK/data" --workers 1 >"$WORK/deckd.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do
    PORT=$(grep -o 'listen=127.0.0.1:[0-9]*' "$WORK/deckd.log" | cut -d: -f2) && [[ -n $PORT ]] && return
    sleep 0.1
  done
  echo "deckd did not start" >&2; exit 1
}

start
curl -sf -X POST "localhost:$PORT/api/presentations" -H 'Content-Type: application/json' \
  -d '{"projectName":"seed","slideOnly":true,"slidesData":[{"templateId":"content-slide","props":{"title":"x"}}]}' >/dev/null
until curl -sf "localhost:$PORT/api/presentations?status=completed" | grep -q seed; do sleep 0.2; done
kill "$PID"; wait "$PID" || true

python3 - "$WORK/data/deckd.db" "$N" <<'PY'
import random, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
cols = [r[1] for r in db.execute('PRAGMA table_info(jobs)')]
seed = db.execute('SELECT * FROM jobs LIMIT 1').fetchone()
start = int(time.time() * 1000) - 3_600_000
rows = []
for i in range(int(sys.argv[2])):
    r, t = list(seed), start + i * 150
    r[cols.index('id')] = '%08x-%04x-7%03x-%04x-%012x' % (t >> 16, t & 0xffff, random.getrandbits(12),
                                                        0x8000 | random.getrandbits(14), random.getrandbits(48))
    r[cols.index('project_name')] = 'Deck %d %s' % (i, random.choice(['alpha', 'beta', 'gamma', 'delta']))
    r[cols.index('created_at')] = r[cols.index('completed_at')] = t
    r[cols.index('status')] = random.choice(['completed', 'completed', 'failed', 'cancelled'])
    r[cols.index('idempotency_key')] = None
    rows.append(r)
db.executemany('INSERT INTO jobs VALUES (%s)' % ','.join('?' * len(cols)), rows)
db.commit()
PY

start
ms() { curl -sf -o /dev/null -w '%{time_total}' "localhost:$PORT$1" | awk '{printf "%.1f", $1 * 1000}'; }
cursor=
for _ in $(seq 1 99); do
  cursor=$(curl -sf "localhost:$PORT/api/presentations?limit=50${cursor:+&cursor=$cursor}" |
           grep -o '"nextCursor":"[^"]*"' | cut -d'"' -f4)
done
echo "| request ($N jobs) | ms |"
echo "| --- | --- |"
echo "| first page (50) | $(ms '/api/presentations?limit=50') |"
echo "| status=failed | $(ms '/api/presentations?limit=50&status=failed') |"
echo "| q=gamma | $(ms '/api/presentations?limit=50&q=gamma') |"
echo "| q matching nothing (full scan) | $(ms '/api/presentations?limit=50&q=nomatch') |"
echo "| 100th page by cursor | $(ms "/api/presentations?limit=50&cursor=$cursor") |"
echo "| /api/stats | $(ms '/api/stats') |"
