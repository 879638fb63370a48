package news.broadsheet.account.web;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.broadsheet.account.Account;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.Role;
import news.broadsheet.support.Burst;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Invitations, "forgot my password" and forced resets end to end: the application sends real
 * mail to a real SMTP server (GreenMail), and the links in it are followed over HTTP.
 */
@IntegrationTest(properties = {"broadsheet.mail.interval=200ms", "broadsheet.site.base-url=https://news.example.org"})
class AccountLifecycleIntegrationTests {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    private static final Pattern LINK =
            Pattern.compile("https://news\\.example\\.org(/login/(?:invitation|reset)\\?token=[A-Za-z0-9_-]+)");

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    Accounts accounts;

    StaffClient admin;

    @BeforeEach
    void setUp() {
        // A fresh throttle window for every test: every request here comes from 127.0.0.1.
        clock.advance(Duration.ofHours(2));
        admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
    }

    @Test
    void invitedUserChoosesAPasswordOnceThroughTheEmailedLinkAndSignsIn() throws Exception {
        String username = Newsroom.unique("invitee").replace("-", ".");
        String email = username + "@example.org";

        Http.Response created = admin.post(
                "/admin/users",
                "username",
                username,
                "displayName",
                "Ines Vitale",
                "email",
                email,
                "role",
                "REPORTER",
                "password",
                "");
        assertThat(created.status()).isEqualTo(302);
        assertThat(admin.get(created.location()).page().selectFirst(".notice").text())
                .contains("invitation");
        assertThat(admin.get("/admin/users")
                        .page()
                        .selectFirst("#user-" + username.replace(".", "\\."))
                        .text())
                .contains("no password yet");
        assertThat(accounts.byUsername(username).orElseThrow().hasPassword()).isFalse();
        for (String guess : List.of("", "{none}", "none")) {
            assertThat(AccountSecurityIntegrationTests.attempt(http.browser(), username, guess)
                            .location())
                    .as("nothing signs in before the invitation is used")
                    .startsWith("/login?error");
        }

        MimeMessage mail = awaitMail(email, 1);
        assertThat(mail.getSubject()).contains("newsroom");
        assertThat(text(mail)).contains(username, "72 hours");
        String link = link(mail, "/login/invitation");

        Http browser = http.browser();
        Http.Response opened = browser.get(link);
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).as("the token leaves the address bar").isEqualTo("/login/invitation");
        assertThat(opened.header("Referrer-Policy")).isEqualTo("no-referrer");
        Document form = browser.get("/login/invitation").page();
        assertThat(form.selectFirst("#link-username").text()).isEqualTo(username);
        assertThat(form.selectFirst("h1").text()).contains("choose your password");

        Http.Response tooShort = choose(browser, "/login/invitation", "short", "short");
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.page().selectFirst("#password-error").text()).contains("at least 12 characters");
        Http.Response mismatch = choose(browser, "/login/invitation", "a long new passphrase", "something else");
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.page().selectFirst("#confirmation-error").text()).contains("do not match");

        Http.Response set = choose(browser, "/login/invitation", "a long new passphrase", "a long new passphrase");
        assertThat(set.status()).isEqualTo(302);
        assertThat(set.location()).isEqualTo("/login?passwordset");
        assertThat(browser.get(set.location()).page().selectFirst(".notice").text())
                .contains("Your password is set");
        assertThat(StaffClient.signIn(http, username, "a long new passphrase")).isNotNull();

        Http.Response reused = http.browser().get(link);
        assertThat(reused.status()).as("a used link").isEqualTo(410);
        assertThat(reused.page().selectFirst("#link-problem").text()).contains("expired or has already been used");
        assertThat(audit("account.invitation-accepted", username)).isEqualTo(1);
        assertThat(audit("account.invited", username)).isEqualTo(1);
    }

    @Test
    void invitationLinkStopsWorkingAfter72Hours() throws Exception {
        Account invited = invite();
        String link = link(awaitMail(invited.email(), 1), "/login/invitation");

        clock.advance(Duration.ofHours(71).plusMinutes(59));
        Http early = http.browser();
        assertThat(early.get(link).status()).as("still valid just before 72 h").isEqualTo(302);
        clock.advance(Duration.ofMinutes(2));
        assertThat(early.get("/login/invitation").status())
                .as("a form opened in time cannot be used after expiry")
                .isEqualTo(410);
        assertThat(choose(early, "/login/invitation", "a long new passphrase", "a long new passphrase")
                        .status())
                .isEqualTo(410);
        assertThat(http.browser().get(link).status()).isEqualTo(410);
    }

    @Test
    void sendingTheInvitationAgainEndsTheEarlierLink() throws Exception {
        Account invited = invite();
        String first = link(awaitMail(invited.email(), 1), "/login/invitation");

        Http.Response resent = admin.post("/admin/users/" + invited.id() + "/invitation");
        assertThat(resent.status()).isEqualTo(302);
        String second = link(awaitMail(invited.email(), 2), "/login/invitation");

        assertThat(second).isNotEqualTo(first);
        assertThat(http.browser().get(first).status()).isEqualTo(410);
        Http browser = http.browser();
        assertThat(browser.get(second).status()).isEqualTo(302);
        assertThat(choose(browser, "/login/invitation", "a long new passphrase", "a long new passphrase")
                        .status())
                .isEqualTo(302);
        assertThat(admin.post("/admin/users/" + invited.id() + "/invitation").status())
                .as("no invitation once a password is chosen")
                .isEqualTo(409);
    }

    @Test
    void disabledAccountsCannotUseTheirLinks() throws Exception {
        Account invited = invite();
        String link = link(awaitMail(invited.email(), 1), "/login/invitation");

        admin.post("/admin/users/" + invited.id() + "/enabled", "enabled", "false");

        assertThat(http.browser().get(link).status()).isEqualTo(410);
        Http.Response refused = admin.post("/admin/users/" + invited.id() + "/invitation");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.page().selectFirst(".form-problem").text()).contains("disabled");
        Http.Response forgot = requestReset(http.browser(), invited.email());
        assertThat(forgot.location()).isEqualTo("/login/forgot?sent");
        Thread.sleep(1000);
        assertThat(mailsTo(invited.email()))
                .as("no reset link for a disabled account")
                .hasSize(1);
    }

    @Test
    void forgottenPasswordIsResetOnceByEmailAndEverySessionEnds() throws Exception {
        Account reporter = newsroom.staff(Role.REPORTER);
        StaffClient laptop = StaffClient.signIn(http, reporter.username(), Newsroom.PASSWORD);
        StaffClient phone = StaffClient.signIn(http, reporter.username(), Newsroom.PASSWORD);

        Http browser = http.browser();
        Document loginPage = browser.get("/login").page();
        assertThat(loginPage.selectFirst("#forgot-link").attr("href")).isEqualTo("/login/forgot");
        Http.Response asked = requestReset(browser, reporter.email().toUpperCase(Locale.ROOT));
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.location()).isEqualTo("/login/forgot?sent");
        assertThat(browser.get(asked.location())
                        .page()
                        .selectFirst("#forgot-sent")
                        .text())
                .contains("If an active newsroom account uses that address");

        MimeMessage mail = awaitMail(reporter.email(), 1);
        assertThat(text(mail)).contains(reporter.username(), "one hour");
        String link = link(mail, "/login/reset");
        assertThat(laptop.get("/admin").status())
                .as("asking changes nothing yet")
                .isEqualTo(200);

        assertThat(browser.get(link).location()).isEqualTo("/login/reset");
        assertThat(choose(browser, "/login/reset", "reset " + reporter.username() + " now", "x")
                        .page()
                        .selectFirst("#password-error")
                        .text())
                .contains("must not contain the username");
        Http.Response set = choose(browser, "/login/reset", "a fresh passphrase here", "a fresh passphrase here");
        assertThat(set.location()).isEqualTo("/login?passwordset");

        assertThat(laptop.get("/admin").status()).as("sessions end").isEqualTo(302);
        assertThat(phone.get("/admin").status()).isEqualTo(302);
        assertThat(AccountSecurityIntegrationTests.attempt(http.browser(), reporter.username(), Newsroom.PASSWORD)
                        .location())
                .startsWith("/login?error");
        assertThat(StaffClient.signIn(http, reporter.username(), "a fresh passphrase here"))
                .isNotNull();
        assertThat(http.browser().get(link).status()).as("single use").isEqualTo(410);
        assertThat(audit("account.password-reset", reporter.username())).isEqualTo(1);

        String stored = database.jdbc()
                .sql("SELECT body FROM mail_outbox WHERE recipient = ?")
                .param(reporter.email())
                .query(String.class)
                .single();
        assertThat(stored).as("the sent link is not kept in the outbox").doesNotContain("token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM account_link WHERE token_hash = ?")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .as("only the hash is stored")
                .isZero();
    }

    @Test
    void resetLinkStopsWorkingAfterAnHour() throws Exception {
        Account editor = newsroom.staff(Role.EDITOR);
        requestReset(http.browser(), editor.email());
        String link = link(awaitMail(editor.email(), 1), "/login/reset");

        clock.advance(Duration.ofMinutes(61));

        Http.Response expired = http.browser().get(link);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.page().selectFirst("a[href=/login/forgot]")).isNotNull();
        assertThat(StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD))
                .as("the old password still works")
                .isNotNull();
    }

    @Test
    void answersAnUnknownAddressExactlyLikeAKnownOneAndSendsNothing() throws Exception {
        Account known = newsroom.staff(Role.MODERATOR);
        String unknown = Newsroom.unique("nobody") + "@example.org";

        Http.Response forKnown = requestReset(http.browser(), known.email());
        Http.Response forUnknown = requestReset(http.browser(), unknown);

        assertThat(forUnknown.status()).isEqualTo(forKnown.status());
        assertThat(forUnknown.location()).isEqualTo(forKnown.location());
        awaitMail(known.email(), 1);
        Thread.sleep(600);
        assertThat(mailsTo(unknown)).isEmpty();
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
                        .param(unknown)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void sendsAtMostThreeLinksToOneAddressAnHourWithTheSameAnswer() throws Exception {
        Account editor = newsroom.staff(Role.EDITOR);
        for (int i = 0; i < 5; i++) {
            assertThat(requestReset(http.browser(), editor.email()).location()).isEqualTo("/login/forgot?sent");
        }
        awaitMail(editor.email(), 3);
        Thread.sleep(1000);
        assertThat(mailsTo(editor.email())).hasSize(3);

        clock.advance(Duration.ofMinutes(61));
        requestReset(http.browser(), editor.email());
        awaitMail(editor.email(), 4);
    }

    @Test
    void makesAClientThatAsksTooOftenWaitWithItsInputKept() {
        Http browser = http.browser();
        for (int i = 0; i < 10; i++) {
            assertThat(requestReset(browser, Newsroom.unique("probe") + "@example.org")
                            .status())
                    .isEqualTo(302);
        }
        Http.Response throttled = requestReset(browser, "eleventh@example.org");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(throttled.page().selectFirst("#forgot-problem").text())
                .isEqualTo("Too many requests from your network. Please wait 60 minutes and try again.");
        assertThat(throttled.page().selectFirst("#email").val()).isEqualTo("eleventh@example.org");

        clock.advance(Duration.ofMinutes(61));
        assertThat(requestReset(browser, "eleventh@example.org").status()).isEqualTo(302);
    }

    @Test
    void letsNoMoreResetRequestsOfAParallelBurstThroughThanTheLimits() throws Exception {
        Account editor = newsroom.staff(Role.EDITOR);
        List<Supplier<Http.Response>> burst = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Http browser = http.browser();
            String token = browser.get("/login/forgot")
                    .page()
                    .selectFirst("input[name=_csrf]")
                    .val();
            burst.add(() -> browser.postForm("/login/forgot", form("email", editor.email(), "_csrf", token)));
        }

        List<Integer> statuses =
                Burst.of(burst).stream().map(Http.Response::status).toList();

        assertThat(statuses).filteredOn(s -> s == 302).as("per client").hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(6);
        awaitMail(editor.email(), 3);
        Thread.sleep(1000);
        assertThat(mailsTo(editor.email())).as("per e-mail address").hasSize(3);
    }

    @Test
    void refusesSomethingThatIsNotAnAddressAndRequestsWithoutCsrf() {
        Http browser = http.browser();
        Http.Response refused = requestReset(browser, "not an address");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().selectFirst("#email-error").text()).isEqualTo("Please enter a valid email address.");
        assertThat(refused.page().selectFirst("#email").val()).isEqualTo("not an address");

        assertThat(browser.postForm("/login/forgot", form("email", "a@example.org"))
                        .status())
                .isEqualTo(403);
        assertThat(http.browser().get("/login/reset?token=nonsense").status()).isEqualTo(410);
        assertThat(http.browser().get("/login/reset").status()).isEqualTo(410);
        assertThat(http.browser().get("/login/reset?token=" + "A".repeat(43)).status())
                .isEqualTo(410);
    }

    @Test
    void adminForcesAResetThatEndsSessionsAndTheOldPassword() throws Exception {
        Account editor = newsroom.staff(Role.EDITOR);
        StaffClient session = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);

        assertThat(session.post("/admin/users/" + editor.id() + "/reset").status())
                .as("only admins")
                .isEqualTo(403);
        Http.Response forced = admin.post("/admin/users/" + editor.id() + "/reset");
        assertThat(forced.status()).isEqualTo(302);

        assertThat(session.get("/admin").status()).isEqualTo(302);
        assertThat(AccountSecurityIntegrationTests.attempt(http.browser(), editor.username(), Newsroom.PASSWORD)
                        .location())
                .startsWith("/login?error");
        MimeMessage mail = awaitMail(editor.email(), 1);
        assertThat(text(mail)).contains("Your old password no longer works");
        Http browser = http.browser();
        browser.get(link(mail, "/login/reset"));
        assertThat(choose(browser, "/login/reset", "chosen after the reset", "chosen after the reset")
                        .status())
                .isEqualTo(302);
        assertThat(StaffClient.signIn(http, editor.username(), "chosen after the reset"))
                .isNotNull();
        assertThat(audit("account.reset-forced", editor.username())).isEqualTo(1);
    }

    @Test
    void tellsTheOldAddressWhenTheEmailAddressChanges() throws Exception {
        Account reporter = newsroom.staff(Role.REPORTER);
        StaffClient staff = StaffClient.signIn(http, reporter.username(), Newsroom.PASSWORD);
        String newAddress = Newsroom.unique("moved") + "@example.org";

        Http.Response saved = staff.post(
                "/admin/profile",
                "displayName",
                reporter.displayName(),
                "email",
                newAddress,
                "current",
                Newsroom.PASSWORD);
        assertThat(saved.status()).isEqualTo(302);

        MimeMessage notice = awaitMail(reporter.email(), 1);
        assertThat(text(notice)).contains(newAddress);
        requestReset(http.browser(), newAddress);
        assertThat(link(awaitMail(newAddress, 1), "/login/reset")).startsWith("/login/reset?token=");
    }

    private Account invite() {
        String username = Newsroom.unique("invitee").replace("-", ".");
        assertThat(admin.post(
                                "/admin/users",
                                "username",
                                username,
                                "displayName",
                                "Invited " + username,
                                "email",
                                username + "@example.org",
                                "role",
                                "EDITOR",
                                "password",
                                "")
                        .status())
                .isEqualTo(302);
        return accounts.byUsername(username).orElseThrow();
    }

    /** How many times this action was recorded in the audit log about the account. */
    private int audit(String action, String username) {
        long id = accounts.byUsername(username).orElseThrow().id();
        return database.jdbc()
                .sql(
                        "SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_type = 'account' AND subject_id = ?")
                .params(action, id)
                .query(Integer.class)
                .single();
    }

    static Http.Response requestReset(Http browser, String email) {
        String token = browser.get("/login/forgot")
                .page()
                .selectFirst("input[name=_csrf]")
                .val();
        return browser.postForm("/login/forgot", form("email", email, "_csrf", token));
    }

    static Http.Response choose(Http browser, String path, String password, String confirmation) {
        Document page = browser.get("/login").page();
        String token = page.selectFirst("input[name=_csrf]").val();
        return browser.postForm(path, form("password", password, "confirmation", confirmation, "_csrf", token));
    }

    private static String text(MimeMessage mail) throws Exception {
        return String.valueOf(mail.getContent());
    }

    private static String link(MimeMessage mail, String path) throws Exception {
        Matcher matcher = LINK.matcher(text(mail));
        assertThat(matcher.find()).as("a link in: " + text(mail)).isTrue();
        assertThat(matcher.group(1)).startsWith(path + "?token=");
        return matcher.group(1);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    private static MimeMessage awaitMail(String address, int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<MimeMessage> received = mailsTo(address);
            if (received.size() >= count) {
                return received.get(count - 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Fewer than " + count + " mails to " + address + " within 10 s");
    }
}
