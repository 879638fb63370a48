package news.broadsheet.importer.internal;

import java.io.PrintStream;
import java.util.Locale;
import news.broadsheet.importer.ImportProgress;

/**
 * The command line's progress: done / total, rate and time left. On a terminal one line is
 * redrawn with a carriage return; otherwise (a log, a pipe) a line is printed every few seconds.
 */
public final class ProgressBar implements ImportProgress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final long intervalNanos;
    private long total;
    private long start;
    private long lastDraw;
    private long lastDone = -1;

    public ProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 100_000_000L : 5_000_000_000L;
    }

    @Override
    public void checking() {
        err.println("Checking the file...");
    }

    @Override
    public void started(long totalItems) {
        total = totalItems;
        start = System.nanoTime();
        err.println("The file is sound: " + totalItems + " items. Importing...");
    }

    @Override
    public void advanced(long done) {
        long now = System.nanoTime();
        if (done == lastDone || (now - lastDraw < intervalNanos && done < total)) {
            return;
        }
        lastDraw = now;
        lastDone = done;
        String line = line(done, total, (now - start) / 1e9);
        if (terminal) {
            err.print("\r" + line);
            if (done >= total) {
                err.println();
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    static String line(long done, long total, double seconds) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 && done < total ? duration((total - done) / rate) : done >= total ? "done" : "?";
        return String.format(
                Locale.ROOT,
                "[%s%s] %d/%d items (%3.0f%%), %.0f items/s, %s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                done,
                total,
                fraction * 100,
                rate,
                left.equals("done") || left.equals("?") ? left : left + " left");
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
