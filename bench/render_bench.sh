#!/usr/bin/env bash
# Renders a 10-slide deck with about three minutes of narration at 1080p30
# through a real deckd, and the same deck through the naive pipeline (one
# ffmpeg -loop 1 encode per slide, then concat), and prints a table:
# wall seconds and speed as a multiple of real time.
#
#   bench/render_bench.sh [path/to/deckd]      (default: build/src/deckd)
#   BENCH_SKIP_NAIVE=1 bench/render_bench.sh  (deckd only, for quick reruns)
#   BENCH_PRESENTER=1 bench/render_bench.sh   (adds the deck with a presenter video)
# Needs curl, ffmpeg, ffprobe, espeak-ng (scripts/install-deps.sh --with-tests).
set -euo pipefail
cd "$(dirname "$0")/.."
DECKD=${1:-build/src/deckd}
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

sentence="deckd turns a presentation into a narrated video on a small machine, offline, and keeps every job safe across restarts and crashes."
narration="$sentence $sentence $sentence"   # about 18 seconds of speech per slide
slides=""
for i in $(seq 1 10); do
  [[ -n $slides ]] && slides+=","
  slides+="{\"templateId\":\"bullet-points\",\"props\":{\"title\":\"Slide $i\",\"bullets\":[\"Durable jobs\",\"Offline narration\",\"Fast encoding\"]},\"voiceoverText\":\"$narration\"}"
done
request="{\"projectName\":\"Benchmark\",\"resolution\":[1920,1080],\"quality\":\"medium\",\"transitions\":[{\"type\":\"fade\",\"duration\":0.5}],\"slidesData\":[$slides]}"

now() { date +%s.%N; }

# --- deckd
mkdir -p "$WORK/assets"
"$DECKD" serve --listen 127.0.0.1:0 --data-dir "$WORK/data" --asset-dir "$WORK/assets" --workers 1 >"$WORK/deckd.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
  port=$(grep -o 'listen=127.0.0.1:[0-9]*' "$WORK/deckd.log" | head -1 | cut -d: -f2) && [[ -n $port ]] && break
  sleep 0.1
done
# Runs one job through deckd; sets job, status and elapsed (seconds).
run_job() {
  local start
  start=$(now)
  job=$(curl -sf -X POST "127.0.0.1:$port/api/presentations" -H 'Content-Type: application/json' -d "$1" |
        grep -o '"jobId":"[^"]*"' | cut -d'"' -f4)
  while :; do
    status=$(curl -sf "127.0.0.1:$port/api/presentations/$job" | grep -o '"status":"[a-z]*"' | cut -d'"' -f4)
    [[ $status == completed || $status == failed ]] && break
    sleep 0.2
  done
  elapsed=$(echo "$(now) - $start" | bc)
  [[ $status == completed ]] || { echo "deckd job $status"; cat "$WORK/deckd.log"; exit 1; }
}
run_job "$request"
deckd_seconds=$elapsed
video="$WORK/data/jobs/$job/video.mp4"
video_seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$video")
pngs="$WORK/data/jobs/$job"
phases=$(grep -o 'render.finished.*' "$WORK/deckd.log" | cut -d' ' -f3-)

# --- optional: the same deck with a presenter video in a corner
if [[ -n ${BENCH_PRESENTER:-} ]]; then
  ffmpeg -nostdin -v error -f lavfi -i "testsrc=s=640x360:r=30:d=5" -c:v libx264 -pix_fmt yuv420p "$WORK/assets/presenter.mp4"
  run_job "${request%\}},\"presenterVideo\":\"presenter.mp4\",\"layout\":\"picture_in_picture\"}"
  presenter_seconds=$elapsed
fi

# --- naive: narration, then one full encode per slide, then concat
if [[ -n ${BENCH_SKIP_NAIVE:-} ]]; then
  printf '%-34s %10.1f %12.1f %14.1f\n' "deckd (clip reuse)" "$deckd_seconds" "$video_seconds" "$(echo "$video_seconds / $deckd_seconds" | bc -l)"
  [[ -n ${presenter_seconds:-} ]] &&
    printf '%-34s %10.1f %12.1f %14.1f\n' "deckd + presenter (picture-in-pic)" "$presenter_seconds" "$video_seconds" "$(echo "$video_seconds / $presenter_seconds" | bc -l)"
  echo "deckd phases: $phases"
  exit 0
fi
mkdir -p "$WORK/naive"
start=$(now)
: >"$WORK/naive/list.txt"
for i in $(seq 1 10); do
  n=$(printf %03d "$i")
  espeak-ng -v en-us -w "$WORK/naive/n$n.wav" "$narration"
  d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/naive/n$n.wav")
  ffmpeg -nostdin -v error -y -loop 1 -framerate 30 -i "$pngs/slide-$n.png" -i "$WORK/naive/n$n.wav" \
    -t "$(echo "$d + 0.6" | bc)" -c:v libx264 -preset veryfast -crf 23 -tune stillimage -pix_fmt yuv420p \
    -r 30 -c:a aac -b:a 128k -af apad "$WORK/naive/s$n.mp4"
  echo "file 's$n.mp4'" >>"$WORK/naive/list.txt"
done
ffmpeg -nostdin -v error -y -f concat -safe 0 -i "$WORK/naive/list.txt" -c copy -movflags +faststart "$WORK/naive/out.mp4"
naive_seconds=$(echo "$(now) - $start" | bc)

printf '\n%-34s %10s %12s %14s\n' "pipeline (10 slides, 1080p30)" "wall s" "video s" "x real time"
printf '%-34s %10.1f %12.1f %14.1f\n' "deckd (clip reuse)" "$deckd_seconds" "$video_seconds" "$(echo "$video_seconds / $deckd_seconds" | bc -l)"
[[ -n ${presenter_seconds:-} ]] &&
  printf '%-34s %10.1f %12.1f %14.1f\n' "deckd + presenter (picture-in-pic)" "$presenter_seconds" "$video_seconds" "$(echo "$video_seconds / $presenter_seconds" | bc -l)"
printf '%-34s %10.1f %12.1f %14.1f\n' "naive (-loop 1 per slide, concat)" "$naive_seconds" "$video_seconds" "$(echo "$video_seconds / $naive_seconds" | bc -l)"
echo "deckd phases: $phases"
echo "(deckd also writes slide PNGs, a PDF, captions and a thumbnail in its time; the naive run reuses its PNGs)"
