package news.broadsheet.support;

import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright. Playwright never downloads a browser here: the tests
 * use the packaged one, and skip with a message where it is not installed (.ci/run installs it).
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(System.getProperty("broadsheet.chromium", "/usr/bin/chromium"));

    private Browser() {}

    public static com.microsoft.playwright.Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new com.microsoft.playwright.BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run")));
    }

    public static Playwright start() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                () -> "Skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium; .ci/run does)");
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }
}
