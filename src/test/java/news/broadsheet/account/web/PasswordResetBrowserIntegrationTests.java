package news.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** "Forgot my password" in a real browser on a phone-sized screen, without JavaScript. */
@IntegrationTest(properties = "broadsheet.mail.interval=200ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordResetBrowserIntegrationTests {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    private static final NewContextOptions PHONE = new NewContextOptions()
            .setViewportSize(390, 844)
            .setDeviceScaleFactor(2)
            .setIsMobile(true)
            .setHasTouch(true);

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    Playwright playwright;
    com.microsoft.playwright.Browser browser;

    @BeforeAll
    void launch() {
        playwright = Browser.start();
        browser = Browser.launch(playwright);
    }

    @AfterAll
    void close() {
        if (playwright != null) {
            playwright.close();
        }
        SMTP.stop();
    }

    @Test
    void resetsAForgottenPasswordFromTheSignInPageOnAPhone() throws Exception {
        Account reporter = newsroom.staff(Role.REPORTER);
        try (BrowserContext context = browser.newContext(PHONE.setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            List<String> referers = new ArrayList<>();
            page.onRequest(request -> {
                String referer = request.headers().get("referer");
                if (referer != null) {
                    referers.add(referer);
                }
            });
            page.navigate(http.base() + "/login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?"))
                    .click();
            page.getByLabel("E-mail address").fill(reporter.email());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link"))
                    .click();
            assertThat(page.locator("#forgot-sent").textContent()).contains("we have e-mailed it a link");

            page.navigate(link(awaitMail(reporter.email())));
            assertThat(page.url()).as("the token leaves the address bar").endsWith("/login/reset");
            assertThat(page.locator("#link-username").textContent()).isEqualTo(reporter.username());
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "choose-password-phone.png"))
                    .setFullPage(true));
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                    .fill("phone chosen passphrase");
            page.getByLabel("New password again").fill("phone chosen passphrase");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                    .click();

            assertThat(page.locator(".notice").textContent()).contains("Your password is set");
            page.getByLabel("Username").fill(reporter.username());
            page.getByLabel("Password").fill("phone chosen passphrase");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            page.waitForURL("**/admin");
            assertThat(referers).as("no request carried the token").noneMatch(r -> r.contains("token"));
        }
    }

    @Test
    void forgotPasswordAndProfilePagesFitAPhoneScreen() {
        Account editor = newsroom.staff(Role.EDITOR);
        try (BrowserContext context = browser.newContext(PHONE.setJavaScriptEnabled(true))) {
            Page page = context.newPage();
            page.navigate(http.base() + "/login/forgot");
            assertNoSidewaysScrolling(page);
            Browser.signIn(page, http.base(), editor.username());
            page.navigate(http.base() + "/admin/profile");
            assertThat(page.locator("h1").textContent()).isEqualTo("My profile");
            assertNoSidewaysScrolling(page);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "profile-phone.png"))
                    .setFullPage(true));
        }
    }

    private static void assertNoSidewaysScrolling(Page page) {
        Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
        Object clientWidth = page.evaluate("() => document.documentElement.clientWidth");
        assertThat(((Number) scrollWidth).intValue())
                .as("no sideways scrolling on " + page.url())
                .isLessThanOrEqualTo(((Number) clientWidth).intValue());
    }

    private String link(MimeMessage mail) throws Exception {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+(/login/reset\\?token=[A-Za-z0-9_-]+)")
                .matcher(String.valueOf(mail.getContent()));
        assertThat(matcher.find()).isTrue();
        return http.base() + matcher.group(1);
    }

    private static MimeMessage awaitMail(String address) throws Exception {
        for (int i = 0; i < 100; i++) {
            var found = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> {
                        try {
                            return Arrays.stream(m.getAllRecipients())
                                    .anyMatch(r -> r.toString().equals(address));
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + address + " within 10 s");
    }
}
