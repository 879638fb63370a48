package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Dates in addresses and on pages follow the newsroom's time zone, not UTC. */
@IntegrationTest(properties = "broadsheet.site.time-zone=Europe/Berlin")
class NewsroomTimeZoneIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Test
    void datesArticlesInTheNewsroomsZone() {
        // 23:30 UTC on 31 May is 01:30 on 1 June in Berlin (CEST).
        ArticleSummary story = newsroom.article(newsroom.section("World"), newsroom.author("Jonas Weber"))
                .publishedAt(Instant.parse("2026-05-31T23:30:00Z"))
                .publish();

        assertThat(story.url()).contains("/2026/06/01/");
        Document page = http.get(story.url()).page();
        assertThat(page.selectFirst("time.published").attr("datetime")).isEqualTo("2026-05-31T23:30:00Z");
        assertThat(page.selectFirst("time.published").text()).isEqualTo("1 June 2026, 01:30 CEST");
    }
}
