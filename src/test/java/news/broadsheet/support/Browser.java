package news.broadsheet.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
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

    /** A phone: 390 × 844 CSS pixels at twice the density, touch, with or without JavaScript. */
    public static com.microsoft.playwright.Browser.NewContextOptions phone(boolean javaScript) {
        return new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setJavaScriptEnabled(javaScript);
    }

    /** A laptop screen: 1280 × 900 CSS pixels, with or without JavaScript. */
    public static com.microsoft.playwright.Browser.NewContextOptions desktop(boolean javaScript) {
        return new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setJavaScriptEnabled(javaScript);
    }

    /** Signs a newsroom account in through the real sign-in form and waits for the newsroom's front page. */
    public static void signIn(Page page, String base, String username) {
        signIn(page, base, username, Newsroom.PASSWORD);
    }

    /** Signs in with a password of the test's own, such as the first admin's. */
    public static void signIn(Page page, String base, String username, String password) {
        page.navigate(base + "/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/admin");
    }

    /** Saves the whole page under {@code target/screenshots/}, where CI keeps it as an artifact. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }

    public static Playwright start() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                () -> "Skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium; .ci/run does)");
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /**
     * Waits as long as a person takes at least to write a comment: the comment form's script holds
     * as spam a form sent within moments of the first keystroke, and Playwright types instantly.
     */
    public static void pauseAsAReaderWrites(com.microsoft.playwright.Page page) {
        page.waitForTimeout(1_600);
    }
}
