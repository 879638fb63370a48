package news.broadsheet.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.broadsheet.BroadsheetApplication;

/**
 * Runs a command-line tool in this JVM as {@code java -jar broadsheet.jar COMMAND …} runs it, and
 * captures what it prints.
 */
public final class CommandRun {

    private CommandRun() {}

    /** The exit status and what the command printed on each stream. */
    public record Result(int status, String out, String err) {}

    /**
     * Runs the command on a database given as settings (those of {@link TestDatabase}), with a
     * pool of two connections as a tool beside the site needs.
     */
    public static Result on(Map<String, Object> database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        database.forEach((name, value) -> {
            if (!name.startsWith("spring.datasource.hikari.")) {
                all.add("--" + name + "=" + value);
            }
        });
        all.add("--spring.datasource.hikari.maximum-pool-size=2");
        return run(all);
    }

    /** Runs the command line as given, the command first. */
    public static Result run(List<String> args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int status = BroadsheetApplication.command(args.toArray(String[]::new));
            return new Result(
                    status,
                    withoutSiteLogs(capturedOut.toString(StandardCharsets.UTF_8)),
                    withoutSiteLogs(capturedErr.toString(StandardCharsets.UTF_8)));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * The output without the log lines of a site running in the same JVM (a test's application):
     * they share System.out (its search index, rebuilt as it starts, logs at INFO on a thread of its
     * own while the command runs), and a command logs errors only. Also without Logback's own status
     * lines ("12:00:00,000 |-WARN in Logger[…] - No appenders present…"), which it prints when
     * another test's application stopped and reset the logging the JVM shares.
     */
    private static String withoutSiteLogs(String output) {
        return output.replaceAll("(?m)^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(INFO|WARN)\\s.*\\R", "")
                .replaceAll("(?m)^\\d{2}:\\d{2}:\\d{2},\\d{3} \\|-(INFO|WARN) in .*\\R", "");
    }
}
