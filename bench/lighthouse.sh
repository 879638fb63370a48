#!/usr/bin/env bash
# Lighthouse 12 (mobile, its default form factor) on the home page, a section front and an article,
# three runs each, against Broadsheet started on a fresh temporary SQLite database with the demo newsroom.
# Reports: bench/results/lighthouse/<page>-<n>.report.json (and .html, not committed); medians: bench/lighthouse-report.md.
#
# Usage: bench/lighthouse.sh [--skip-build] [--runs N] [--note "what else the machine was doing"]
# Needs: a JDK >= 21, node >= 18.20 with npm, Debian's chromium at /usr/bin/chromium (or CHROME_PATH).
# Targets 127.0.0.1 only; every loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

skip_build="" runs=3 note=""
while [ $# -gt 0 ]; do
    case "$1" in
        --skip-build) skip_build=yes ;;
        --runs) runs="$2"; shift ;;
        --note) note="$2"; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

java_major() { # prints the major version of the java binary given, or 0 (as .ci/run does)
    local version
    version=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') || true
    case "$version" in
        1.* | "") echo 0 ;;
        *) echo "${version%%[.+-]*}" ;;
    esac
}

select_jdk() {
    local best="" best_major=0 candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate/bin/java")
        if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate" best_major="$major"
        fi
    done
    [ -n "$best" ] || { echo "No JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm/*)." >&2; exit 1; }
    export JAVA_HOME="$best" PATH="$best/bin:$PATH"
}

select_jdk
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || { echo "No Chromium at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)." >&2; exit 1; }

if [ ! -x bench/lighthouse/node_modules/.bin/lighthouse ]; then
    echo "== Installing Lighthouse (bench/lighthouse/package-lock.json)"
    (cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -z "$skip_build" ] || ! ls target/broadsheet-*.jar >/dev/null 2>&1; then
    echo "== Building the jar"
    ./mvnw -B -ntp -q package -DskipTests
fi
jar=$(ls target/broadsheet-*.jar | sort | tail -n 1)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
log="$data/server.log"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$data"
}
trap cleanup EXIT

echo "== Starting Broadsheet on 127.0.0.1:$port (data in $data, demo content)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" --server.port="$port" \
    --server.address=127.0.0.1 --broadsheet.data-dir="$data" --broadsheet.site.base-url="http://127.0.0.1:$port" \
    >"$log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
home=""
for _ in $(seq 1 180); do
    home=$(curl -fsS "$base/" 2>/dev/null || true)
    case "$home" in *'class="lead"'*) break ;; esac
    kill -0 "$server_pid" 2>/dev/null || { tail -n 40 "$log" >&2; echo "Broadsheet stopped during start-up" >&2; exit 1; }
    sleep 1
done
case "$home" in *'class="lead"'*) ;; *) tail -n 40 "$log" >&2; echo "No demo lead story on $base/ after 180 s" >&2; exit 1 ;; esac

# The pages, taken from the running site: the first section in the navigation, the lead story.
section=$(printf '%s' "$home" | tr '\n' ' ' | grep -o '<nav class="sections-nav".*</nav>' \
    | grep -o 'href="/[^"]*"' | head -n 1 | sed 's/href="\(.*\)"/\1/')
article=$(printf '%s' "$home" | tr '\n' ' ' | grep -o '<h2 class="card__headline"><a href="/[^"]*"' \
    | head -n 1 | sed 's/.*href="\(.*\)"/\1/')
[ -n "$section" ] && [ -n "$article" ] || { echo "Could not find a section and an article on $base/" >&2; exit 1; }
echo "   home: /   section: $section   article: $article"

# One untimed request per page so the first measured run does not pay for JIT warm-up and template loading.
for path in / "$section" "$article"; do curl -fsS -o /dev/null "$base$path"; done

out=bench/results/lighthouse
rm -rf "$out"
mkdir -p "$out"
flags="--headless --no-sandbox --disable-gpu --disable-background-networking"
# Rounds interleave the pages, so a busy minute on this shared machine does not fall on one page only.
for n in $(seq 1 "$runs"); do
    for page in home section article; do
        case "$page" in home) path=/ ;; section) path=$section ;; article) path=$article ;; esac
        load=$(cut -d' ' -f1-3 /proc/loadavg)
        echo "$page $n $load" >>"$out/load-average.txt"
        echo "== Lighthouse run $n of $runs: $page ($path); load average $load"
        bench/lighthouse/node_modules/.bin/lighthouse "$base$path" --quiet --chrome-flags="$flags" --disable-full-page-screenshot \
            --output=json --output=html --output-path="$out/$page-$n"
    done
done

node bench/lighthouse/summarize.mjs "$out" bench/lighthouse-report.md "$runs" "$note" "$section" "$article"
