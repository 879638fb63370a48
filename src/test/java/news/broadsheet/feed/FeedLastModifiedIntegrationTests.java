package news.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.ModerationAction;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Slugs;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client that polls with only If-Modified-Since must get the new feed when a story leaves it
 * (taken down, expired, embargoed) or comes in late (an embargo lifting on an older story), or when
 * a comment is taken down: none of these leave a newer entry to date the change.
 */
@IntegrationTest
class FeedLastModifiedIntegrationTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    Comments comments;

    @Autowired
    TestDatabaseQueries database;

    Instant start;
    Section section;
    Author author;
    String tag;
    ArticleSummary older;

    @BeforeEach
    void setUp() {
        start = clock.instant();
        section = newsroom.section("Harbour");
        author = newsroom.author("Noor Haddad");
        tag = Newsroom.unique("harbour-works");
        older = newsroom.article(section, author)
                .tags(tag)
                .publishedAt(start.minus(Duration.ofHours(3)))
                .publish();
        newsroom.article(section, author)
                .tags(tag)
                .publishedAt(start.minus(Duration.ofHours(1)))
                .publish();
    }

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    @Test
    void unpublishingAnOlderStoryMovesLastModifiedOfEveryFeedItLeaves() {
        Map<String, String> before = lastModifiedOfEveryScope();
        clock.advance(Duration.ofMinutes(1));

        StaffClient editor = editor();
        assertThat(editor.post(workflow(older.id()), "action", "unpublish").status())
                .isEqualTo(302);

        assertChangedSince(before);
    }

    @Test
    void anOlderStoryExpiringByTheClockMovesLastModified() {
        StaffClient editor = editor();
        assertThat(editor.post(
                                workflow(older.id()),
                                "action",
                                "expiry",
                                "expiresAt",
                                LOCAL.format(start.plus(Duration.ofMinutes(30)).atZone(ZoneOffset.UTC)))
                        .status())
                .isEqualTo(302);
        Map<String, String> before = lastModifiedOfEveryScope();

        // No scheduler run: the story is gone for readers as soon as the clock passes its expiry.
        clock.advance(Duration.ofHours(1));

        assertThat(http.get("/feeds/tag/" + Slugs.from(tag) + ".rss").body()).doesNotContain(older.url());
        assertChangedSince(before);
    }

    @Test
    void embargoingAnOlderStoryAndTheEmbargoLiftingBothMoveLastModified() {
        Map<String, String> live = lastModifiedOfEveryScope();
        clock.advance(Duration.ofMinutes(1));
        StaffClient editor = editor();
        assertThat(editor.post(
                                workflow(older.id()),
                                "action",
                                "embargo",
                                "embargoUntil",
                                LOCAL.format(start.plus(Duration.ofMinutes(30)).atZone(ZoneOffset.UTC)))
                        .status())
                .isEqualTo(302);
        assertChangedSince(live);
        Map<String, String> embargoed = lastModifiedOfEveryScope();

        clock.advance(Duration.ofHours(1));

        assertThat(http.get("/feeds/author/" + author.slug() + ".rss").body()).contains(older.url());
        assertChangedSince(embargoed);
    }

    @Test
    void takingDownAnOlderCommentMovesTheCommentFeedsLastModified() {
        long first = comments.importComment(
                older.id(), null, "Reader", null, "First.", CommentStatus.APPROVED, start.minus(Duration.ofHours(2)));
        comments.importComment(
                older.id(), null, "Reader", null, "Second.", CommentStatus.APPROVED, start.minus(Duration.ofHours(1)));
        String path = "/feeds/comments/" + older.id() + ".atom";
        String before = http.get(path).header("Last-Modified");
        assertThat(conditional(path, before).status()).isEqualTo(304);
        clock.advance(Duration.ofMinutes(1));

        comments.moderate(new Actor(null, "Moderator"), List.of(first), ModerationAction.REJECT, "Off topic");

        assertThat(http.get(path).body()).doesNotContain("First.");
        assertThat(conditional(path, before).status()).isEqualTo(200);
    }

    private void assertChangedSince(Map<String, String> before) {
        before.forEach((path, lastModified) -> {
            Http.Response response = conditional(path, lastModified);
            assertThat(response.status()).as(path + " since " + lastModified).isEqualTo(200);
            assertThat(FeedFormats.rfc822(response.header("Last-Modified")))
                    .as(path)
                    .isAfter(FeedFormats.rfc822(lastModified));
        });
    }

    /** Last-Modified of the site feed and of the section, tag and author feeds both stories are in. */
    private Map<String, String> lastModifiedOfEveryScope() {
        Map<String, String> lastModified = new LinkedHashMap<>();
        for (String path : List.of(
                "/feeds/all.atom",
                "/feeds/section/" + section.path() + ".rss",
                "/feeds/tag/" + Slugs.from(tag) + ".json",
                "/feeds/author/" + author.slug() + ".atom")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(conditional(path, response.header("Last-Modified")).status())
                    .as(path)
                    .isEqualTo(304);
            lastModified.put(path, response.header("Last-Modified"));
        }
        return lastModified;
    }

    private StaffClient editor() {
        Account account = newsroom.staff(Role.EDITOR);
        return StaffClient.signIn(http, account.username(), Newsroom.PASSWORD);
    }

    private static String workflow(long id) {
        return "/admin/articles/" + id + "/workflow";
    }

    private Http.Response conditional(String path, String lastModified) {
        return http.send(
                java.net.http.HttpRequest.newBuilder()
                        .header("If-Modified-Since", lastModified)
                        .GET(),
                path);
    }
}
