#!/usr/bin/env bash
# Serving speed against nginx: generates a corpus (stories with threaded comments, sections, tags,
# bylines) in an empty SQLite file or PostgreSQL schema migrated by the application, starts
# Broadsheet on it and nginx (Debian's nginx-light) serving the same article bytes as a static file,
# and runs wrk against both on loopback. Report: bench/results/perf-<db>-<stories>.md and .png.
#
# Usage: bench/perf.sh [--db sqlite|postgresql] [--stories N] [--seconds S] [--search-index rebuild|skip]
#                      [--skip-build] [--quick] [--keep] [--note "what else the machine was doing"]
#   --quick: 1,000 stories, 2-second wrk runs, report printed and not written (a smoke run).
#   --keep: leaves the corpus (data directory or schema) in place and prints where, for profiling.
# Needs: a JDK >= 21 (picked from JAVA_HOME and /usr/lib/jvm), python3, wrk, nginx, psql for
# PostgreSQL (127.0.0.1:5432, database test, user postgres), gnuplot for the plot (optional).
# Targets 127.0.0.1 only; every loop and every wrk run is bounded; started processes are stopped
# and temporary files removed on exit, Ctrl-C included.
set -euo pipefail
cd "$(dirname "$0")/.."

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

skip_build=""
for argument in "$@"; do
    [ "$argument" = "--skip-build" ] && skip_build=yes
done

select_jdk
for tool in python3 wrk nginx; do
    command -v "$tool" >/dev/null || { echo "Missing $tool (apt-get install wrk nginx-light python3)." >&2; exit 1; }
done
command -v gnuplot >/dev/null || echo "No gnuplot: the report will have no plot (apt-get install gnuplot-nox)." >&2

if [ -z "$skip_build" ] || ! ls target/broadsheet-*.jar >/dev/null 2>&1; then
    echo "== Building the jar (./mvnw package -DskipTests; --skip-build reuses target/broadsheet-*.jar)"
    ./mvnw -B -ntp -q package -DskipTests
fi

# perf.py stops what it started (the JVM, nginx, wrk) and removes its temporary directory and
# PostgreSQL schema in a finally block, which SIGINT and SIGTERM reach.
exec python3 bench/perf.py "$@"
