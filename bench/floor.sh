#!/usr/bin/env bash
# The floor: what the decided stack costs with none of Broadsheet in it (bench/floor/: Spring Boot
# MVC on virtual threads, Spring Security, Hikari + SQLite, Flyway, one fixed page held in memory).
# Measures its start-up (process start to the first answered request; bare, with the JDK's AOT
# cache, and with Spring AOT plus the AOT cache) and its rate for the same page bytes against nginx
# serving them as a file, alternating, in the same run; and a validated form post with a redirect.
# Writes bench/results/floor.md. Usage: bench/floor.sh [page.html] (default: a 36 KB page of filler,
# the size of the benchmark corpus's article page).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (Debian packages wrk, nginx-light, curl)" >&2; exit 1; }
done
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
    for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
        [ -x "$candidate/bin/java" ] && [ -f "$candidate/release" ] \
            && grep -q '^JAVA_VERSION="2[5-9]' "$candidate/release" && { export JAVA_HOME=$candidate; break; }
    done
fi
java="$JAVA_HOME/bin/java"
work=$(mktemp -d)
app_port=18191 nginx_port=18192
out=bench/results/floor.md
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ $# -ge 1 ]; then
    cp "$1" "$work/page.html"
else
    { echo '<!doctype html><html lang="en"><head><title>Floor</title></head><body><main>'
      for i in $(seq 1 300); do echo "<p>Paragraph $i of a page as long as an article page with its comments.</p>"; done
      echo '</main></body></html>'; } > "$work/page.html"
fi
bytes=$(wc -c < "$work/page.html")

echo "floor: building bench/floor" >&2
./mvnw -q -B -ntp -f bench/floor/pom.xml package -DskipTests
"$java" -Djarmode=tools -jar bench/floor/target/floor-1.jar extract --destination "$work/run" >/dev/null
jar="$work/run/floor-1.jar"
common=(-XX:+UseSerialGC -Xmx160m --enable-native-access=ALL-UNNAMED -Dfloor.page="$work/page.html")
args=(--server.port=$app_port --server.address=127.0.0.1 --spring.datasource.url=jdbc:sqlite:"$work/floor.db")

wait_up() {
    for _ in $(seq 1 3000); do
        curl -fsS -o /dev/null "http://127.0.0.1:$app_port/page" 2>/dev/null && return 0
        sleep 0.01
    done
    return 1
}
stop_app() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# Training runs, one per way of starting, each writing its AOT cache on exit.
for mode in plain spring-aot; do
    extra=(); [ $mode = spring-aot ] && extra=(-Dspring.aot.enabled=true)
    "$java" "${common[@]}" "${extra[@]}" -XX:AOTCacheOutput="$work/$mode.aot" -Xlog:aot=error,cds=error \
        -jar "$jar" "${args[@]}" >"$work/train-$mode.log" 2>&1 &
    p=$!
    wait_up
    for _ in 1 2 3; do
        curl -fsS -o /dev/null "http://127.0.0.1:$app_port/page"
        curl -fsS -o /dev/null -d 'name=Reader&body=Hello' "http://127.0.0.1:$app_port/post"
    done
    stop_app $p
done

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
declare -A startup
for way in bare aot-cache spring-aot+aot-cache; do
    runs=()
    for _ in 1 2 3; do
        case $way in
            bare) opts=() ;;
            aot-cache) opts=(-XX:AOTCache="$work/plain.aot" -Xlog:aot=error,cds=error) ;;
            spring-aot+aot-cache) opts=(-Dspring.aot.enabled=true -XX:AOTCache="$work/spring-aot.aot" -Xlog:aot=error,cds=error) ;;
        esac
        start=$(date +%s%N)
        "$java" "${common[@]}" "${opts[@]}" -jar "$jar" "${args[@]}" >"$work/app.log" 2>&1 &
        p=$!
        wait_up
        runs+=($(( ($(date +%s%N) - start) / 1000000 )))
        stop_app $p
    done
    startup[$way]="$(printf '%s\n' "${runs[@]}" | median) ms (${runs[*]})"
done

# Throughput: the app (Spring AOT + AOT cache, as fast as it starts) against nginx, same bytes.
mkdir -p "$work/www"
cp "$work/page.html" "$work/www/page"
cat > "$work/nginx.conf" <<EOF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    server { listen 127.0.0.1:$nginx_port; root $work/www; default_type text/html; }
}
EOF
nginx -c "$work/nginx.conf"
"$java" "${common[@]}" -Dspring.aot.enabled=true -XX:AOTCache="$work/spring-aot.aot" -Xlog:aot=error,cds=error \
    -jar "$jar" "${args[@]}" >"$work/app.log" 2>&1 &
app=$!
pids+=($app)
wait_up
cat > "$work/post.lua" <<'EOF'
wrk.method = "POST"
wrk.body = "name=Reader&body=A+comment+of+a+usual+length+for+a+reader+to+write."
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
EOF
rate() { wrk -t2 -c32 -d"$1" --latency "${@:2}" | awk '/Requests\/sec/ {print $2}'; }
cpu_ticks() { awk '{print $14+$15}' /proc/$app/stat; }
rate 10s "http://127.0.0.1:$app_port/page" >/dev/null       # JIT warm-up
rate 10s -s "$work/post.lua" "http://127.0.0.1:$app_port/post" >/dev/null
pairs=""
for _ in 1 2 3; do
    n=$(rate 8s "http://127.0.0.1:$nginx_port/page")
    t0=$(cpu_ticks); a=$(rate 8s "http://127.0.0.1:$app_port/page"); t1=$(cpu_ticks)
    cpu=$(awk -v t="$((t1 - t0))" -v hz="$(getconf CLK_TCK)" -v r="$a" 'BEGIN {printf "%.0f", t / hz * 1e6 / (r * 8)}')
    ratio=$(awk -v a="$a" -v n="$n" 'BEGIN {printf "%.2f", a / n}')
    pairs+="| $n | $a | $ratio | $cpu |"$'\n'
done
posts=""
for _ in 1 2 3; do posts+="$(rate 8s -s "$work/post.lua" "http://127.0.0.1:$app_port/post") "; done

mkdir -p bench/results
{
    echo "# The floor: the decided stack with nothing of Broadsheet in it"
    echo
    echo "Measured by \`bench/floor.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average"
    echo "$(cut -d' ' -f1-3 /proc/loadavg) at the end, $("$java" -version 2>&1 | head -n 1)."
    echo "The app (\`bench/floor/\`): Spring Boot 4.1 MVC on virtual threads, Spring Security (everyone in,"
    echo "stateless, no CSRF), Hikari with SQLite and a Flyway migration, answering a ${bytes}-byte page held"
    echo "in memory. No database read, no template, no application code: Broadsheet on this stack cannot"
    echo "start faster or answer faster than this."
    echo
    echo "## Start-up: process start to the first answered request (median of 3, runs in brackets)"
    echo
    echo "| Way to run | First answer |"
    echo "|---|---|"
    for way in bare aot-cache spring-aot+aot-cache; do echo "| $way | ${startup[$way]} |"; done
    echo
    echo "## Rate for the same bytes (wrk -t2 -c32, 8 s each, alternating after 20 s of warm-up)"
    echo
    echo "| nginx req/s | floor req/s | floor / nginx | floor CPU µs per request |"
    echo "|---|---|---|---|"
    printf '%s' "$pairs"
    echo
    echo "Validated form post answered with a redirect (wrk, 8 s each): $posts requests/s."
} > "$out"
cat "$out"
