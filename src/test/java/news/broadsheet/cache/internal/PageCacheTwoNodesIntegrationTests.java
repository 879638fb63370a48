package news.broadsheet.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.SecondNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Two nodes on one database, each with its own page cache: a change made on the second node drops
 * the first node's kept pages that show it (through the change log), and no others.
 */
@IntegrationTest(properties = "broadsheet.cache.keep-for=1d")
class PageCacheTwoNodesIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Environment environment;

    private SecondNode secondNode;

    @BeforeEach
    void startSecondNode() throws IOException {
        secondNode = SecondNode.start(environment, Map.of());
    }

    @AfterEach
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aChangeMadeOnAnotherNodeDropsThisNodesPagesThatShowIt() throws InterruptedException {
        Section harbour = newsroom.section(Newsroom.unique("Harbour"));
        Section inland = newsroom.section(Newsroom.unique("Inland"));
        Author author = newsroom.author(Newsroom.unique("Correspondent"));
        ArticleSummary story = newsroom.article(harbour, author)
                .headline("Ferry timetable changes " + Newsroom.unique("f"))
                .publish();
        ArticleSummary other = newsroom.article(inland, author)
                .headline("Canal locks repaired " + Newsroom.unique("c"))
                .publish();
        for (String path : new String[] {story.url(), harbour.url(), other.url(), inland.url()}) {
            http.get(path);
            assertThat(state(path)).as(path).isEqualTo("HIT");
        }

        String slug = Newsroom.unique("ferry-timetable");
        secondNode.bean(Articles.class).changeSlug(story.id(), slug);

        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        String body = http.get(harbour.url()).body();
        while (!body.contains("/" + slug + "\"") && System.nanoTime() < deadline) {
            Thread.sleep(25);
            body = http.get(harbour.url()).body();
        }
        assertThat(body).as("the section front links the story's new address").contains("/" + slug + "\"");
        assertThat(state(other.url())).isEqualTo("HIT");
        assertThat(state(inland.url())).isEqualTo("HIT");
    }

    private String state(String path) {
        return http.get(path).raw().headers().firstValue("X-Cache").orElse("");
    }
}
