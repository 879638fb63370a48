package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.headlines;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.author.Author;
import news.broadsheet.search.internal.IndexSearch;
import news.broadsheet.search.internal.UserQuery;
import news.broadsheet.section.Section;
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
 * The index follows the newsroom within a second, also for changes written by another node, and
 * nothing that is not live ever shows: drafts, stories in review, scheduled, embargoed, expired
 * and unpublished ones.
 */
@IntegrationTest
class SearchFreshnessIntegrationTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    IndexSearch index;

    Instant start;
    Section section;
    Author author;
    StaffClient editor;

    @BeforeEach
    void setUp() {
        start = clock.instant();
        section = newsroom.section("News");
        author = newsroom.author("Ada Reyes");
        editor = StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    @Test
    void publishingMakesAStoryFindableWithinASecondAndUnpublishingRemovesItFromTheIndex() {
        String w = word();
        long id = newsroom.article(section, author)
                .headline("Draft " + w)
                .status(ArticleStatus.DRAFT)
                .create();
        assertThat(eventually(() -> indexed(w).contains(id))).isFalse();

        long published = System.nanoTime();
        assertThat(editor.post(workflowUrl(id), "action", "publish").status()).isEqualTo(302);
        assertThat(eventually(() -> headlines(http, w).equals(List.of("Draft " + w))))
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofMillis(1500));

        long unpublished = System.nanoTime();
        assertThat(editor.post(workflowUrl(id), "action", "unpublish").status()).isEqualTo(302);
        assertThat(headlines(http, w))
                .as("hidden at once by the database check")
                .isEmpty();
        assertThat(eventually(() -> !indexed(w).contains(id)))
                .as("and gone from the index")
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - unpublished)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void editsAreSearchableUnderTheirNewWords() {
        String before = word();
        String after = word();
        long id = newsroom.article(section, author).headline("Before " + before).create();
        assertThat(eventually(() -> headlines(http, before).size() == 1)).isTrue();

        Http.Response form = editor.get("/admin/articles/" + id + "/edit");
        String version = form.page().select("input[name=version]").val();
        assertThat(editor.post(
                                "/admin/articles/" + id,
                                "version",
                                version,
                                "headline",
                                "After " + after,
                                "standfirst",
                                "Changed.",
                                "body",
                                "New body.",
                                "slug",
                                "",
                                "sectionId",
                                Long.toString(section.id()),
                                "authorIds",
                                Long.toString(author.id()))
                        .status())
                .isEqualTo(302);
        assertThat(eventually(() -> headlines(http, after).equals(List.of("After " + after))))
                .isTrue();
        assertThat(headlines(http, before)).isEmpty();
    }

    @Test
    void followsChangesWrittenByAnotherNodeThroughTheChangeLog() {
        String w = word();
        long id = newsroom.article(section, author).headline("Local " + w).create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();

        // Another node changes the story and logs it in the same database; this node hears nothing else.
        String fresh = word();
        database.jdbc()
                .sql("UPDATE article SET headline = ?, body_html = ? WHERE id = ?")
                .params("Remote " + fresh, "<p>Changed elsewhere.</p>", id)
                .update();
        database.jdbc()
                .sql("INSERT INTO search_article_change (article_id, changed_at) VALUES (?, ?)")
                .params(id, System.currentTimeMillis())
                .update();

        assertThat(eventually(() -> headlines(http, fresh).equals(List.of("Remote " + fresh))))
                .isTrue();
        assertThat(indexed(w)).doesNotContain(id);
    }

    @Test
    void draftsStoriesInReviewAndUnpublishedStoriesNeverAppear() {
        String w = word();
        newsroom.article(section, author).headline("Live " + w).create();
        newsroom.article(section, author)
                .headline("Draft " + w)
                .status(ArticleStatus.DRAFT)
                .create();
        newsroom.article(section, author)
                .headline("Review " + w)
                .status(ArticleStatus.IN_REVIEW)
                .create();
        newsroom.article(section, author)
                .headline("Down " + w)
                .status(ArticleStatus.UNPUBLISHED)
                .create();

        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();
        assertThat(headlines(http, w)).containsExactly("Live " + w);
        clock.advance(Duration.ofDays(3));
        assertThat(headlines(http, w)).containsExactly("Live " + w);
    }

    @Test
    void scheduledStoriesAppearOnTheMinuteWithoutReindexing() {
        String w = word();
        long id = newsroom.article(section, author)
                .headline("Scheduled " + w)
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(start.plus(Duration.ofHours(1)))
                .create();
        assertThat(eventually(() -> indexed(w, start.plus(Duration.ofHours(2))).contains(id)))
                .as("indexed ahead of time")
                .isTrue();
        assertThat(headlines(http, w)).isEmpty();

        clock.advance(Duration.ofMinutes(61));
        assertThat(headlines(http, w)).containsExactly("Scheduled " + w);
    }

    @Test
    void embargoedStoriesStayHiddenUntilTheEmbargoLifts() {
        String w = word();
        long id = newsroom.article(section, author).headline("Embargoed " + w).create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();

        assertThat(editor.post(
                                workflowUrl(id),
                                "action",
                                "embargo",
                                "embargoUntil",
                                local(start.plus(Duration.ofHours(2))))
                        .status())
                .isEqualTo(302);
        assertThat(headlines(http, w)).isEmpty();
        assertThat(eventually(() -> !indexed(w).contains(id)))
                .as("the index itself hides it now")
                .isTrue();

        clock.advance(Duration.ofMinutes(90));
        assertThat(headlines(http, w)).isEmpty();
        clock.advance(Duration.ofMinutes(40));
        assertThat(headlines(http, w)).as("lifted by the clock alone").containsExactly("Embargoed " + w);
    }

    @Test
    void expiredStoriesDisappearOnTheMinute() {
        String w = word();
        long id = newsroom.article(section, author).headline("Expiring " + w).create();
        assertThat(editor.post(workflowUrl(id), "action", "expiry", "expiresAt", local(start.plus(Duration.ofHours(1))))
                        .status())
                .isEqualTo(302);
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();
        assertThat(eventually(() -> !indexed(w, start.plus(Duration.ofHours(2))).contains(id)))
                .as("the index knows the expiry time")
                .isTrue();

        clock.advance(Duration.ofMinutes(59));
        assertThat(headlines(http, w)).containsExactly("Expiring " + w);
        clock.advance(Duration.ofMinutes(3));
        assertThat(headlines(http, w)).isEmpty();
        assertThat(indexed(w)).as("the index hides it by its expiry time").doesNotContain(id);
    }

    @Test
    void aSearchAskedAgainIsAnsweredFromMemoryUntilAChangeOrTheClockMakesTheAnswerOld() {
        String w = word();
        newsroom.article(section, author).headline("First " + w).create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();
        newsroom.article(section, author)
                .headline("Later " + w)
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(start.plus(Duration.ofHours(1)))
                .create();
        assertThat(eventually(() -> indexed(w, start.plus(Duration.ofHours(2))).size() == 2))
                .isTrue();

        long reused = index.answersReused();
        assertThat(headlines(http, w)).containsExactly("First " + w);
        assertThat(headlines(http, w)).containsExactly("First " + w);
        assertThat(index.answersReused())
                .as("asked again, answered from memory")
                .isGreaterThan(reused);

        newsroom.article(section, author).headline("Second " + w).create();
        assertThat(eventually(() -> headlines(http, w).size() == 2))
                .as("a change to the index makes a kept answer old")
                .isTrue();
        clock.advance(Duration.ofMinutes(61));
        assertThat(headlines(http, w))
                .as("so does a story coming out by the clock")
                .containsExactlyInAnyOrder("First " + w, "Second " + w, "Later " + w);
        clock.set(start);
        assertThat(headlines(http, w))
                .as("and a clock set back")
                .containsExactlyInAnyOrder("First " + w, "Second " + w);
    }

    @Test
    void anAnswerIsKeptOnlyForAQuestionAskedBefore() {
        String w = word();
        newsroom.article(section, author).headline("Once " + w).create();
        // Waits with another question, so that the one asked below is asked for the first time.
        assertThat(eventually(() -> indexed(w + " " + w).size() == 1)).isTrue();
        // A question no one asked before, as most are: its answer is not kept.
        String question = w;

        long reused = index.answersReused();
        assertThat(headlines(http, question)).containsExactly("Once " + w);
        assertThat(headlines(http, question)).containsExactly("Once " + w);
        assertThat(index.answersReused())
                .as("the first answer was not kept, so the second was found again")
                .isEqualTo(reused);
        assertThat(headlines(http, question)).containsExactly("Once " + w);
        assertThat(index.answersReused())
                .as("asked twice before, so the second answer was kept")
                .isEqualTo(reused + 1);
    }

    @Test
    void aChangedAddressIsFollowed() {
        String w = word();
        long id = newsroom.article(section, author).headline("Moving " + w).create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();
        String slug = Newsroom.unique("moved");
        newsroom.articles().changeSlug(id, slug);
        assertThat(eventually(() -> http.get(SearchTestSupport.searchUrl(w))
                        .page()
                        .select(".search-hit__headline a")
                        .attr("href")
                        .endsWith("/" + slug)))
                .isTrue();
        long changes = database.jdbc()
                .sql("SELECT COUNT(*) FROM search_article_change WHERE article_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(changes).as("created and moved, both logged").isEqualTo(2);
    }

    /** Ids the index alone returns (without the database check) at the clock's time, or at another. */
    private List<Long> indexed(String w) {
        return indexed(w, clock.instant());
    }

    private List<Long> indexed(String w, Instant at) {
        IndexSearch.Found found = index.search(
                UserQuery.parse(w, 200),
                IndexSearch.Editorial.NONE,
                new IndexSearch.Filters(null, null, null, null, null),
                false,
                0,
                10,
                at.toEpochMilli(),
                ids -> {});
        return found == null ? List.of() : found.ids();
    }

    private static String workflowUrl(long id) {
        return "/admin/articles/" + id + "/workflow";
    }

    private static String local(Instant instant) {
        return LOCAL.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC));
    }
}
