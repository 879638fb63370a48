package news.broadsheet.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bodies saved before the renderer last changed are made again once, in the background at start,
 * so a fix reaches stories no one edits. (Its own application and database: the pass goes over
 * every story, and other tests store bodies by hand.)
 */
@IntegrationTest(properties = "broadsheet.test.context=body-rerendering")
class BodyRerenderingIntegrationTests {

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
        // As the renderer before version 2 stored it: the open <style> hid everything after it.
        jdbc.sql("UPDATE article SET body_html = ? WHERE id = ?")
                .params("<p>The opening paragraph.</p>\n", hidden.id())
                .update();
        jdbc.sql("DELETE FROM body_rendering").update();
        String currentHtml = bodyHtml(current.id());
        assertThat(storyText(hidden)).doesNotContain("ferry timetable"); // and the page is now cached

        int changed = rerendering.rerenderStaleBodies();

        assertThat(changed).isEqualTo(1);
        assertThat(storyText(hidden))
                .as("the cached page was purged and shows the rest of the story")
                .contains("The opening paragraph.", "<style>", "The paragraph after, about the ferry timetable.");
        assertThat(bodyHtml(current.id())).isEqualTo(currentHtml);
        assertThat(jdbc.sql("SELECT renderer_version FROM body_rendering WHERE kind = 'article'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(ArticleBodyRenderer.VERSION);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'article.rerendered' AND subject_id = ?")
                        .param(hidden.id())
                        .query(Integer.class)
                        .single())
                .as("the change is on the record, by the system")
                .isEqualTo(1);
        // Recorded as done: the next start reads one row and renders nothing.
        jdbc.sql("UPDATE article SET body_html = ? WHERE id = ?")
                .params("<p>Stale again.</p>", current.id())
                .update();
        assertThat(rerendering.rerenderStaleBodies()).isZero();
        assertThat(bodyHtml(current.id())).isEqualTo("<p>Stale again.</p>");
    }

    @Test
    void aBodySavedMeanwhileIsNotOverwritten() {
        Section section = newsroom.section("Courts");
        ArticleSummary story = newsroom.article(section, newsroom.author("Kim Laine"))
                .body("Before.")
                .publish();
        BodyRenderingRepository.StoredBody read =
                new BodyRenderingRepository.StoredBody(story.id(), story.headline(), "Before.", bodyHtml(story.id()));
        String saved = renderer.toHtml("After.");
        jdbc.sql("UPDATE article SET body_markdown = 'After.', body_html = ? WHERE id = ?")
                .params(saved, story.id())
                .update();

        assertThat(new BodyRenderingRepository(jdbc).replaceHtml(read, "<p>Before, made again.</p>"))
                .isFalse();
        assertThat(bodyHtml(story.id())).isEqualTo(saved);
    }

    private String bodyHtml(long id) {
        return jdbc.sql("SELECT body_html FROM article WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String storyText(ArticleSummary story) {
        return Jsoup.parseBodyFragment(
                        http.get(story.url()).page().selectFirst(".story__body").html())
                .text();
    }
}
