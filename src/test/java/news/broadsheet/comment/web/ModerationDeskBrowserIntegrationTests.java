package news.broadsheet.comment.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.time.Instant;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Chromium;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A moderator works the desk in Chromium: with the keyboard and in place, and without JavaScript. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationDeskBrowserIntegrationTests {

    private static final NewContextOptions DESKTOP = new NewContextOptions().setViewportSize(1280, 900);

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    Comments comments;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    ArticleSummary story;
    long oldest;
    long middle;
    long newest;

    @BeforeEach
    void holdThreeComments() {
        story = newsroom.article(newsroom.section("Science"), newsroom.author("Ada Quist"))
                .headline("A comet returns after seventy years")
                .publish();
        Instant now = Instant.now();
        oldest = held("Olga", "The oldest held comment.", now.minusSeconds(300));
        middle = held("Milo", "The middle held comment.", now.minusSeconds(200));
        newest = held("Nina", "The newest held comment.", now.minusSeconds(100));
    }

    @Test
    void approvesWithTheKeyboardInPlaceThenUndoes() {
        try (BrowserContext context = chromium.browser().newContext(DESKTOP.setJavaScriptEnabled(true))) {
            Page page = signedIn(context);
            String desk = http.base() + "/admin/comments?article=" + story.id();
            page.navigate(desk);
            page.evaluate("() => { window.stayedOnPage = true; }");

            page.keyboard().press("j");
            assertThat(focusedId(page)).isEqualTo("desk-comment-" + newest);
            page.keyboard().press("j");
            assertThat(focusedId(page)).isEqualTo("desk-comment-" + middle);
            page.keyboard().press("a");

            page.locator("#desk-comment-" + middle)
                    .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            Locator status = page.locator("#desk-status[role=status]");
            assertThat(status.locator(".notice").textContent()).isEqualTo("Approved the comment by Milo. Undo");
            assertThat(focusedId(page)).as("the next comment has the focus").isEqualTo("desk-comment-" + oldest);
            assertThat(comments.status(middle)).contains(CommentStatus.APPROVED);
            assertThat(page.locator(".queue-tabs a[aria-current=page]").textContent())
                    .isEqualTo("Pending (2)");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "desk-after-approve-desktop.png"))
                    .setFullPage(true));

            status.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))
                    .click();

            page.locator("#desk-comment-" + middle).waitFor();
            assertThat(status.textContent()).isEqualTo("Undone: approved the comment by Milo.");
            assertThat(comments.status(middle)).contains(CommentStatus.PENDING);
            assertThat(focusedId(page)).isEqualTo("desk-comment-" + middle);
            assertThat(page.url()).isEqualTo(desk);
            assertThat(page.evaluate("() => window.stayedOnPage === true")).isEqualTo(true);

            page.keyboard().press("?");
            Locator help = page.locator("dialog#desk-help");
            assertThat(help.isVisible()).isTrue();
            assertThat(help.textContent()).contains("approve", "next / previous comment");
            page.keyboard().press("Escape");
            assertThat(help.isVisible()).isFalse();

            // A comment that stays in the queue is redrawn in place, keeping the focus.
            page.keyboard().press("f");
            page.locator("#desk-comment-" + middle + " button[value='" + middle + ":unfeature']")
                    .waitFor();
            assertThat(status.locator(".notice").textContent()).isEqualTo("Featured the comment by Milo. Undo");
            assertThat(focusedId(page)).isEqualTo("desk-comment-" + middle);
            page.keyboard().press("x");
            assertThat(page.locator("#tick-" + middle).isChecked()).isTrue();

            // Keys typed into a field are the moderator's, not shortcuts.
            page.locator("#desk-article").focus();
            page.keyboard().press("a");
            assertThat(comments.status(newest)).contains(CommentStatus.PENDING);
        }
    }

    @Test
    void rejectsWithTheReasonChosenOnTheCommentWithoutJavaScript() {
        try (BrowserContext context = chromium.browser().newContext(DESKTOP.setJavaScriptEnabled(false))) {
            Page page = signedIn(context);
            page.navigate(http.base() + "/admin/comments?article=" + story.id());
            Locator row = page.locator("#desk-comment-" + middle);
            row.getByLabel("Reason for rejecting the comment by Milo").selectOption("Off-topic");

            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject comment by Milo"))
                    .click();

            page.waitForURL("**#desk-notice");
            Locator notice = page.locator("#desk-notice");
            assertThat(notice.textContent()).isEqualTo("Rejected the comment by Milo as Off-topic. Undo");
            assertThat(page.locator(".desk__list > li").evaluateAll("items => items.map(i => i.id)"))
                    .isEqualTo(java.util.List.of("desk-comment-" + newest, "desk-notice", "desk-comment-" + oldest));
            assertThat(comments.status(middle)).contains(CommentStatus.REJECTED);

            notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))
                    .click();

            page.locator("#desk-comment-" + middle).waitFor();
            assertThat(comments.status(middle)).contains(CommentStatus.PENDING);
            assertThat(page.locator("#desk-notice").textContent())
                    .isEqualTo("Undone: rejected the comment by Milo as Off-topic.");
        }
    }

    private Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        Browser.signIn(page, http.base(), newsroom.staff(Role.MODERATOR).username());
        return page;
    }

    private static Object focusedId(Page page) {
        return page.evaluate("() => document.activeElement && document.activeElement.id");
    }

    private long held(String name, String body, Instant postedAt) {
        return comments.importComment(story.id(), null, name, null, body, CommentStatus.PENDING, postedAt);
    }
}
