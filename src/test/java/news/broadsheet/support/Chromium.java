package news.broadsheet.support;

import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium for a test class, launched before its first test and closed after its last; the
 * class is skipped, with a message, where Chromium is not installed. Register it with
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private Playwright playwright;
    private com.microsoft.playwright.Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Browser.start();
        browser = Browser.launch(playwright);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            playwright.close();
        }
    }

    public com.microsoft.playwright.Browser browser() {
        return browser;
    }
}
