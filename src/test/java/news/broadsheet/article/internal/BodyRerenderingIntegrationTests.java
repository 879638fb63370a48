package news.broadsheet.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.StoredBodies;
import news.broadsheet.author.Author;
import news.broadsheet.page.PageContent;
import news.broadsheet.page.Pages;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bodies saved before the renderer last changed are made again once, in the background at start,
 * so a fix reaches stories and pages no one edits. (Its own application and database: the pass
 * goes over every story and page, and other tests store bodies by hand.)
 */
@IntegrationTest(properties = "broadsheet.test.context=body-rerendering")
class BodyRerenderingIntegrationTests {

    /** As the renderer before version 2 stored such a body: the open {@code <style>} hid the rest. */
    private static final String HIDDEN_BY_OPEN_STYLE = "<p>The opening paragraph.</p>\n";

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BodyRerendering rerendering;

    @Autowired
    ArticleBodyRenderer renderer;

    @Autowired
    List<StoredBodies> kinds;

    @Autowired
    Pages pages;

    private static volatile boolean startUpPassSeen;

    /** The pass this application ran at its own start has finished, so it cannot overlap the test's. */
    @BeforeEach
    void startUpPassDone() throws InterruptedException {
        if (startUpPassSeen) {
            return;
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jdbc.sql("SELECT COUNT(*) FROM body_rendering")
                        .query(Integer.class)
                        .single()
                < kinds.size()) {
            assertThat(System.nanoTime()).as("the pass at start-up finished").isLessThan(deadline);
            Thread.sleep(20);
        }
        startUpPassSeen = true;
    }

    @Test
    void aStorySavedBeforeTheRendererWasFixedShowsItsWholeTextAfterTheNextStart() {
        Section section = newsroom.section("Harbour");
        Author reporter = newsroom.author("Ines Vale");
        ArticleSummary hidden = newsroom.article(section, reporter)
                .body("The opening paragraph.\n\n<style>\n\nThe paragraph after, about the ferry timetable.")
                .publish();
        ArticleSummary current = newsroom.article(section, reporter)
                .body("A story the renderer always made the same.")
                .publish();
        jdbc.sql("UPDATE article SET body_html = ? WHERE id = ?")
                .params(HIDDEN_BY_OPEN_STYLE, hidden.id())
                .update();
        jdbc.sql("DELETE FROM body_rendering WHERE kind = 'article'").update();
        String currentHtml = storyHtml(current.id());
        assertThat(bodyText(hidden.url())).doesNotContain("ferry timetable"); // and the page is now cached

        int changed = rerendering.rerenderStaleBodies(kind("article"));

        assertThat(changed).isEqualTo(1);
        assertThat(bodyText(hidden.url()))
                .as("the cached page was purged and shows the rest of the story")
                .contains("The opening paragraph.", "<style>", "The paragraph after, about the ferry timetable.");
        assertThat(storyHtml(current.id())).isEqualTo(currentHtml);
        assertThat(rendererVersion("article")).isEqualTo(ArticleBodyRenderer.VERSION);
        assertThat(audited("article.rerendered", hidden.id()))
                .as("the change is on the record, by the system")
                .isEqualTo(1);
        // Recorded as done: the next start reads one row and makes nothing again.
        jdbc.sql("UPDATE article SET body_html = ? WHERE id = ?")
                .params("<p>Stale again.</p>", current.id())
                .update();
        assertThat(rerendering.rerenderStaleBodies(kind("article"))).isZero();
        assertThat(storyHtml(current.id())).isEqualTo("<p>Stale again.</p>");
    }

    @Test
    void aPageSavedBeforeTheRendererWasFixedShowsItsWholeText() {
        long id = pages.create(
                PageContent.markdown(
                        "house-rules",
                        "House rules",
                        "The opening paragraph.\n\n<style>\n\nThe paragraph after, about letters to the editor."),
                Actor.SYSTEM);
        pages.publish(id, 1, null, Actor.SYSTEM);
        jdbc.sql("UPDATE page SET body_html = ? WHERE id = ?")
                .params(HIDDEN_BY_OPEN_STYLE, id)
                .update();
        jdbc.sql("DELETE FROM body_rendering WHERE kind = 'page'").update();
        assertThat(bodyText("/house-rules")).doesNotContain("letters to the editor");

        assertThat(rerendering.rerenderStaleBodies(kind("page"))).isEqualTo(1);

        assertThat(bodyText("/house-rules")).contains("The paragraph after, about letters to the editor.");
        assertThat(rendererVersion("page")).isEqualTo(ArticleBodyRenderer.VERSION);
        assertThat(audited("page.rerendered", id)).isEqualTo(1);
    }

    @Test
    void aBodySavedMeanwhileIsNotOverwritten() {
        Section section = newsroom.section("Courts");
        ArticleSummary story = newsroom.article(section, newsroom.author("Kim Laine"))
                .body("Before.")
                .publish();
        StoredBodies.StoredBody read =
                new StoredBodies.StoredBody(story.id(), story.headline(), "markdown", "Before.", storyHtml(story.id()));
        String saved = renderer.toHtml("After.");
        jdbc.sql("UPDATE article SET body_markdown = 'After.', body_html = ? WHERE id = ?")
                .params(saved, story.id())
                .update();

        assertThat(kind("article").replace(read, "<p>Before, made again.</p>")).isFalse();
        assertThat(storyHtml(story.id())).isEqualTo(saved);
    }

    @Test
    void aNewerVersionRecordedByALaterReleaseIsKept() {
        jdbc.sql("UPDATE body_rendering SET renderer_version = 99 WHERE kind = 'article'")
                .update();

        new BodyRenderingRepository(jdbc).recordRenderedWith("article", ArticleBodyRenderer.VERSION, Instant.now());

        assertThat(rendererVersion("article")).isEqualTo(99);
        assertThat(rerendering.rerenderStaleBodies(kind("article"))).isZero();
        jdbc.sql("UPDATE body_rendering SET renderer_version = ? WHERE kind = 'article'")
                .param(ArticleBodyRenderer.VERSION)
                .update();
    }

    @Test
    void aBodyThatCannotBeMadeAgainHoldsUpNoOtherAndIsTriedAgainAtTheNextStart() {
        List<Long> replaced = new ArrayList<>();
        StoredBodies flaky = new StoredBodies() {
            @Override
            public String kind() {
                return "flaky";
            }

            @Override
            public List<StoredBody> after(long id, int limit) {
                return LongStream.rangeClosed(id + 1, 3)
                        .limit(limit)
                        .mapToObj(n -> new StoredBody(n, "body " + n, "markdown", "text " + n, "old"))
                        .toList();
            }

            @Override
            public String render(StoredBody body) {
                if (body.id() == 2) {
                    throw new IllegalStateException("cannot render body 2");
                }
                return "new";
            }

            @Override
            public boolean replace(StoredBody body, String html) {
                return replaced.add(body.id());
            }
        };

        assertThat(rerendering.rerenderStaleBodies(flaky)).isEqualTo(2);

        assertThat(replaced).containsExactly(1L, 3L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM body_rendering WHERE kind = 'flaky'")
                        .query(Integer.class)
                        .single())
                .as("not recorded as done")
                .isZero();
    }

    private StoredBodies kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst().orElseThrow();
    }

    private String storyHtml(long id) {
        return jdbc.sql("SELECT body_html FROM article WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private int rendererVersion(String kind) {
        return jdbc.sql("SELECT renderer_version FROM body_rendering WHERE kind = ?")
                .param(kind)
                .query(Integer.class)
                .single();
    }

    private int audited(String action, long subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ?")
                .params(action, subject)
                .query(Integer.class)
                .single();
    }

    private String bodyText(String url) {
        return Jsoup.parseBodyFragment(
                        http.get(url).page().selectFirst(".story__body").html())
                .text();
    }
}
