#!/usr/bin/env bash
# The spam filter's evaluation: each file of the labelled comments tested on a model trained on the
# others, as the product trains (model and thresholds from the training files only), the learning
# curve as a PNG, and the cost of training and scoring. Writes bench/spam-report.md's measured part
# to bench/results/spam.md and the plot to bench/results/spam-learning-curve.png.
#   bench/spam.sh [DIR]                        DIR defaults to ../shared/testdata/spam
#   bench/spam.sh --train A.csv … --test C.csv  any files in the COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS layout
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[1-9]'; then
    for candidate in /usr/lib/jvm/*; do
        "$candidate/bin/java" -version 2>&1 | grep -q 'version "2[1-9]' && { export JAVA_HOME=$candidate; break; }
    done
fi
export PATH="$JAVA_HOME/bin:$PATH"

./mvnw -B -ntp -q compile -Djacoco.skip=true -Dspotless.check.skip=true
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/spam-bench.classpath
classpath="target/classes:$(cat target/spam-bench.classpath)"

if [ "${1:-}" = "--train" ]; then
    exec java -cp "$classpath" bench/spam/SpamBench.java "$@"
fi

data="${1:-../shared/testdata/spam}"
mkdir -p bench/results
{
    echo "# Spam filter: measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1)"
    echo
    java -cp "$classpath" bench/spam/SpamBench.java --leave-one-out "$data" --curve target/spam-curve.tsv
} | tee bench/results/spam.md

if command -v gnuplot >/dev/null; then
    gnuplot <<GNUPLOT
set terminal pngcairo size 800,500 font "DejaVu Sans,11"
set output "bench/results/spam-learning-curve.png"
set title "Spam filter learning curve (leave one video out, mean of 4 folds)"
set xlabel "training comments"
set ylabel "F1 on the held-out video"
set logscale x 2
set yrange [0:1]
set key right center
set grid
plot "target/spam-curve.tsv" using 1:2 with linespoints title "likely spam", \
     "target/spam-curve.tsv" using 1:3 with linespoints title "held as spam (none below 300 readers' comments)", \
     0.95 with lines dashtype 2 title "target F1 0.95"
GNUPLOT
    echo "Plot: bench/results/spam-learning-curve.png"
else
    echo "gnuplot not installed (apt-get install gnuplot-nox): no plot drawn" >&2
fi
