#!/usr/bin/env bash
# Start-up and memory: time from process start to the first home page that shows a story
# headline (polled with curl every 20 ms), median of N runs, on a fresh data directory (demo
# content loaded at start-up) and on an existing one; then resident memory (VmRSS) after start
# and at the end of a wrk load on an article. Compares the shipped launcher (./broadsheet: java
# -jar with its JVM options and AOT cache) with a bare `java -jar target/broadsheet-*.jar`.
# Writes bench/results/startup.md. Usage: bench/startup.sh [runs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=18181
base="http://127.0.0.1:$port"
work=$(mktemp -d)
out=bench/results/startup.md
command -v wrk >/dev/null || { echo "wrk is needed (Debian package wrk)" >&2; exit 1; }

# Builds, unpacks and trains the AOT cache when needed, without timing that.
BROADSHEET_JAVA_OPTS="-Dspring.context.exit=onRefresh" ./broadsheet --broadsheet.data-dir="$work/warm" \
    --broadsheet.demo-content.enabled=false >/dev/null 2>&1 || true
jar=$(ls target/broadsheet-*.jar | grep -v -- '-plain\.jar$' | head -n 1)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

pid=""
stop() {
    if [ -n "$pid" ]; then
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=""
    fi
}
trap 'stop; rm -rf "$work"' EXIT

# start <how> <data dir>: starts Broadsheet in the background, sets pid.
start() {
    local args=(--broadsheet.data-dir="$2" --server.port="$port" --server.address=127.0.0.1)
    case "$1" in
        shipped) ./broadsheet "${args[@]}" >"$work/app.log" 2>&1 & ;;
        bare) "$java" -jar "$jar" "${args[@]}" >"$work/app.log" 2>&1 & ;;
    esac
    pid=$!
}

# first_content <how> <data dir>: sets elapsed to the milliseconds from process start to a home
# page with a headline (not in a subshell: pid must stay set).
elapsed=0
first_content() {
    local t0 t1
    t0=$(date +%s%N)
    start "$1" "$2"
    for _ in $(seq 1 3000); do
        if curl -fsS -m 2 "$base/" 2>/dev/null | grep -q 'class="card__headline"'; then
            t1=$(date +%s%N)
            elapsed=$(((t1 - t0) / 1000000))
            return
        fi
        sleep 0.02
    done
    echo "no content within 60 s; log: $work/app.log" >&2
    exit 1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

declare -A result
for how in shipped bare; do
    fresh=() existing=()
    for i in $(seq 1 "$runs"); do
        rm -rf "$work/fresh"
        first_content "$how" "$work/fresh"
        fresh+=("$elapsed")
        stop
    done
    # An existing data directory: the demo loaded and the search index built by a first run.
    rm -rf "$work/existing"
    first_content "$how" "$work/existing"
    sleep 5
    stop
    for i in $(seq 1 "$runs"); do
        first_content "$how" "$work/existing"
        existing+=("$elapsed")
        if [ "$i" -lt "$runs" ]; then stop; fi
    done
    sleep 2
    result[$how.fresh]=$(printf '%s\n' "${fresh[@]}" | median)
    result[$how.fresh.all]="${fresh[*]}"
    result[$how.existing]=$(printf '%s\n' "${existing[@]}" | median)
    result[$how.existing.all]="${existing[*]}"
    result[$how.rss.start]=$(rss_mb "$pid")
    article=$(curl -fsS "$base/" | grep -o 'class="card__headline"><a href="[^"]*"' | head -n 1 \
        | sed 's/.*href="//; s/"$//')
    wrk -t2 -c32 -d20s "$base$article" >"$work/wrk.txt" 2>&1 &
    wrk_pid=$!
    peak=0
    while kill -0 "$wrk_pid" 2>/dev/null; do
        now=$(rss_mb "$pid")
        [ "$now" -gt "$peak" ] && peak=$now
        sleep 0.5
    done
    result[$how.rss.load]=$(rss_mb "$pid")
    result[$how.rss.peak]=$peak
    result[$how.rps]=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    stop
done

mkdir -p bench/results
{
    echo "# Start-up and memory"
    echo
    echo "Measured by \`bench/startup.sh $runs\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores,"
    echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (the machine is shared), $("$java" -version 2>&1 | head -n 1)."
    echo "First content: milliseconds from process start to the first home page response that shows a story"
    echo "headline (curl every 20 ms); median of $runs runs (all runs in brackets). RSS: VmRSS after start,"
    echo "at the end of, and at most during 20 s of \`wrk -t2 -c32\` on an article page."
    echo
    echo "| Way to run | First content, fresh data dir (demo loads) | First content, existing data dir | RSS after start | RSS under load (end / peak) | Article req/s under wrk |"
    echo "|---|---|---|---|---|---|"
    for how in shipped bare; do
        case $how in
            shipped) label="\`./broadsheet\` (shipped JVM options + AOT cache)" ;;
            bare) label="bare \`java -jar target/broadsheet-*.jar\`" ;;
        esac
        echo "| $label | ${result[$how.fresh]} ms (${result[$how.fresh.all]}) | ${result[$how.existing]} ms (${result[$how.existing.all]}) | ${result[$how.rss.start]} MB | ${result[$how.rss.load]} / ${result[$how.rss.peak]} MB | ${result[$how.rps]} |"
    done
} >"$out"
cat "$out"
