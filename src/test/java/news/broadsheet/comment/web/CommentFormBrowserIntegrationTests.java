package news.broadsheet.comment.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.time.Instant;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.ModerationPolicy;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Actor;
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

/** The article page and its comment form in a real browser, on a phone-sized screen. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentFormBrowserIntegrationTests {

    private static final NewContextOptions PHONE = new NewContextOptions()
            .setViewportSize(390, 844)
            .setDeviceScaleFactor(2)
            .setIsMobile(true)
            .setHasTouch(true);

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    Comments comments;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    ArticleSummary story;

    @BeforeEach
    void publishStory() {
        Section world = newsroom.section("World");
        Section defense = newsroom.subsection(world, "Defense");
        Author reporter = newsroom.author("Hana Sato");
        story = newsroom.article(defense, reporter)
                .headline("Patrols extended over the Baltic after a week of incidents")
                .standfirst("Ministers agreed to three more months of surveillance flights.")
                .body("A paragraph of the story. ".repeat(30) + "\n\nA very long word: " + "x".repeat(120))
                .publish();
    }

    @Test
    void postsACommentWithoutJavaScriptOnAPhone() {
        try (BrowserContext context = chromium.browser().newContext(PHONE.setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(http.base() + story.url());

            assertThat(page.locator("h1").textContent()).isEqualTo(story.headline());
            assertThat(page.getByText("No comments available for this post.").isVisible())
                    .isTrue();
            field(page, "Name").fill("Phone Reader");
            field(page, "Email (optional)").fill("phone@example.org");
            field(page, "Comment").fill("Posted from a small screen.");
            Browser.pauseAsAReaderWrites(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                    .click();

            page.waitForURL("**" + story.url() + "?comment=pending#comments-notice");
            Locator notice = page.locator("#comments-notice");
            assertThat(notice.textContent()).contains("once a moderator has approved it");
            BoundingBox box = notice.boundingBox();
            assertThat(box.y).as("the page scrolled to the notice").isBetween(0.0, 844.0 - box.height);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "article-after-comment-phone.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void holdsAsSpamAFormSentTheMomentTypingBegan() {
        comments.setPolicy(new Actor(null, "test"), "article", story.id(), ModerationPolicy.POST, null);
        try (BrowserContext context = chromium.browser().newContext(PHONE.setJavaScriptEnabled(true))) {
            Page page = context.newPage();
            page.navigate(http.base() + story.url());
            BoundingBox trap = page.locator("input[name=website]").boundingBox();
            assertThat(trap.x + trap.width).as("the trap is out of sight").isLessThanOrEqualTo(0);

            field(page, "Name").fill("Script");
            field(page, "Comment").fill("Sent before anyone could have written it.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                    .click();

            Locator notice = page.locator("#comment-form .notice");
            notice.waitFor();
            assertThat(notice.textContent()).as("told nothing").contains("once a moderator has approved it");
            assertThat(page.getByText("Sent before anyone could have written it.")
                            .count())
                    .isZero();
        }
    }

    @Test
    void postsRepliesAndReportsInPlaceWithJavaScriptOnAPhone() {
        comments.setPolicy(new Actor(null, "test"), "article", story.id(), ModerationPolicy.POST, null);
        long first = comments.importComment(
                story.id(),
                null,
                "First Reader",
                null,
                "The patrols were announced last spring, then quietly postponed.",
                CommentStatus.APPROVED,
                Instant.now().minusSeconds(3600));
        try (BrowserContext context = chromium.browser().newContext(PHONE.setJavaScriptEnabled(true))) {
            Page page = context.newPage();
            page.navigate(http.base() + story.url());
            String address = page.url();
            // A full page load would wipe this mark: it shows that nothing navigated.
            page.evaluate("() => { window.stayedOnPage = true; }");
            assertThat(page.locator("#comment-review-note").count())
                    .as("nothing is held under post")
                    .isZero();

            field(page, "Name").fill("Phone Reader");
            field(page, "Comment").fill("Posted without leaving the page.");
            Browser.pauseAsAReaderWrites(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                    .click();

            Locator notice = page.locator("#comment-form .notice");
            notice.waitFor();
            assertThat(notice.textContent()).startsWith("Thank you. Your comment has been published.");
            Locator posted = page.locator("#comments > ol.comment-list > li > article.comment")
                    .filter(new Locator.FilterOptions().setHasText("Posted without leaving the page."));
            assertThat(posted.locator(".comment__author").textContent()).isEqualTo("Phone Reader");
            assertThat(field(page, "Comment").inputValue())
                    .as("ready for the next comment")
                    .isEmpty();

            page.locator("#comment-" + first + " a.comment__reply").click();
            Locator replyForm = page.locator("li:has(> #comment-" + first + ") > #comment-form");
            assertThat(replyForm.locator("blockquote.comment-quote").textContent())
                    .isEqualTo("The patrols were announced last spring, then quietly postponed.");
            assertThat(replyForm.locator(".comment-form__replying").textContent())
                    .startsWith("Replying to First Reader.");
            field(page, "Comment").fill("They were postponed twice, in fact.");
            Browser.pauseAsAReaderWrites(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                    .click();

            Locator reply = page.locator("li:has(> #comment-" + first + ") > ol.comment-list > li > article.comment");
            reply.waitFor();
            assertThat(reply.locator(".comment__body").textContent()).contains("They were postponed twice, in fact.");
            assertThat(page.locator("li:has(> #comment-" + first + ") > #comment-form")
                            .count())
                    .as("the form went back below the thread")
                    .isZero();

            page.locator("#comment-" + first + " a.comment__report").click();
            page.locator("#comment-" + first + " form.report-form").waitFor();
            page.locator("#comment-" + first + " label", new Page.LocatorOptions().setHasText("Off-topic"))
                    .click();
            page.locator("#comment-" + first + " form.report-form button[type=submit]")
                    .click();
            Locator reported = page.locator("#comment-" + first + " .comment__report-slot .notice");
            reported.waitFor();
            assertThat(reported.textContent()).startsWith("Thank you for your report");

            assertThat(page.url()).isEqualTo(address);
            assertThat(page.evaluate("() => window.stayedOnPage === true")).isEqualTo(true);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "article-comments-in-place-phone.png"))
                    .setFullPage(true));
        }
        assertThat(comments.thread(story.id()).count()).isEqualTo(3);
    }

    @Test
    void commentActionsAreLargeEnoughToTap() {
        comments.importComment(story.id(), null, "Tap Reader", null, "Short.", CommentStatus.APPROVED, Instant.now());
        try (BrowserContext context = chromium.browser().newContext(PHONE.setJavaScriptEnabled(true))) {
            Page page = context.newPage();
            page.navigate(http.base() + story.url());
            Locator targets = page.locator(".comment__actions a, a.comment__permalink");
            assertThat(targets.count()).isEqualTo(3);
            for (int i = 0; i < targets.count(); i++) {
                BoundingBox box = targets.nth(i).boundingBox();
                assertThat(box.height).as(targets.nth(i).textContent()).isGreaterThanOrEqualTo(44);
                assertThat(box.width).as(targets.nth(i).textContent()).isGreaterThanOrEqualTo(44);
            }
        }
    }

    @Test
    void articlePageFitsAPhoneScreen() {
        try (BrowserContext context = chromium.browser().newContext(PHONE.setJavaScriptEnabled(true))) {
            Page page = context.newPage();
            page.navigate(http.base() + story.url());

            Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
            Object clientWidth = page.evaluate("() => document.documentElement.clientWidth");
            assertThat(((Number) scrollWidth).intValue())
                    .as("no sideways scrolling")
                    .isLessThanOrEqualTo(((Number) clientWidth).intValue());
            Object fontSize = page.evaluate(
                    "() => parseFloat(getComputedStyle(document.querySelector('.story__body p')).fontSize)");
            assertThat(((Number) fontSize).doubleValue())
                    .as("body text size in CSS px")
                    .isGreaterThanOrEqualTo(16);
            assertThat(page.locator("link[rel=stylesheet]").count()).isEqualTo(1);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "article-phone.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void showsFieldErrorsNextToFieldsWhenTheServerRefuses() {
        try (BrowserContext context = chromium.browser().newContext(PHONE.setJavaScriptEnabled(true))) {
            Page page = context.newPage();
            page.navigate(http.base() + story.url());
            field(page, "Name").fill("Reader");
            field(page, "Email (optional)").fill("not-an-email");
            field(page, "Comment").fill("Kept text.");
            // Bypass the browser's own email check to see the server's answer.
            page.locator("form[action*=comments]").evaluate("form => form.noValidate = true");
            Browser.pauseAsAReaderWrites(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                    .click();

            assertThat(page.locator("#comment-email-error").textContent())
                    .isEqualTo("Please enter a valid email address, or leave the field empty.");
            assertThat(field(page, "Comment").inputValue()).isEqualTo("Kept text.");
            assertThat(field(page, "Email (optional)").getAttribute("aria-invalid"))
                    .isEqualTo("true");
        }
    }

    private static com.microsoft.playwright.Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }
}
