package news.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import news.broadsheet.BroadsheetApplication;

/**
 * Runs Broadsheet the way an operator does, in a JVM of its own on the test classpath, with its
 * output captured: for start-up behaviour that a test context cannot show (exit codes, first starts).
 */
public final class ChildApplication {

    private ChildApplication() {}

    /** The output and exit code of a run that ended by itself. */
    public record Exit(int exitCode, String output) {}

    /** Starts the application and waits (at most a minute) for it to end by itself. */
    public static Exit runToEnd(String... arguments) throws IOException, InterruptedException {
        Process process = start(arguments);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited)
                .as("the application stops by itself; output:\n" + output)
                .isTrue();
        return new Exit(process.exitValue(), output);
    }

    /**
     * Starts the application, waits (at most two minutes) for a line of output containing
     * {@code marker}, then stops it and returns its output.
     */
    public static String runUntil(String marker, String... arguments) throws IOException, InterruptedException {
        Process process = start(arguments);
        StringBuilder output = new StringBuilder();
        boolean started = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.contains(marker)) {
                    started = true;
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(started).as("waited for " + marker + "; output:\n" + output).isTrue();
        return output.toString();
    }

    private static Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                BroadsheetApplication.class.getName(),
                "--server.port=0"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return process;
    }
}
