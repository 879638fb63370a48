package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ArticlePageIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    Section world;
    Section defense;
    Author reporter;

    @BeforeEach
    void setUp() {
        world = newsroom.section("World");
        defense = newsroom.subsection(world, "Defense");
        reporter = newsroom.author("Marta Quill");
    }

    @Test
    void showsTheReferencePageStructure() {
        ArticleSummary story = newsroom.article(defense, reporter)
                .headline("Alliance sees no immediate threat")
                .standfirst("Ministers meet as patrols are stepped up.")
                .body("The first paragraph.\n\n\"We are ready,\" the minister said.\n\n> A quoted passage.")
                .tags("Baltic security", "Air policing")
                .publish();

        Document page = http.get(story.url()).page();

        assertThat(page.select("nav.trail a")).extracting(Element::text).containsExactly("World", "Defense");
        assertThat(page.select("nav.trail a"))
                .extracting(a -> a.attr("href"))
                .containsExactly(world.url(), defense.url());
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Alliance sees no immediate threat");
        assertThat(page.selectFirst("p.standfirst").text()).isEqualTo("Ministers meet as patrols are stepped up.");
        assertThat(page.selectFirst(".story__body").select("p").eachText())
                .contains("The first paragraph.", "“We are ready,” the minister said.");
        assertThat(page.selectFirst(".story__body blockquote").text()).isEqualTo("A quoted passage.");
        assertThat(page.select(".tags a")).extracting(Element::text).containsExactly("Air policing", "Baltic security");
        assertThat(page.selectFirst(".story__comment-count").text()).isEqualTo("0 comments");
        assertThat(page.selectFirst("#comment-form h2").text()).isEqualTo("Leave a Comment");
        assertThat(page.selectFirst(".comments__empty").text()).isEqualTo("No comments available for this post.");
        assertThat(page.title()).startsWith("Alliance sees no immediate threat");
    }

    @Test
    void bylineLinksToAuthorPagesAndTimesAreMachineReadable() {
        Author second = newsroom.author("Ravi Okafor");
        Instant published =
                clock.instant().minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ArticleSummary story = newsroom.article(defense, reporter)
                .coAuthor(second)
                .publishedAt(published)
                .updatedAt(published.plus(Duration.ofHours(2)))
                .publish();

        Document page = http.get(story.url()).page();

        assertThat(page.select(".byline a"))
                .extracting(a -> a.attr("href"))
                .containsExactly(reporter.url(), second.url());
        assertThat(page.selectFirst(".byline").text()).isEqualTo("By Marta Quill and Ravi Okafor");
        assertThat(page.selectFirst("time.published").attr("datetime")).isEqualTo(published.toString());
        assertThat(page.selectFirst("time.updated").attr("datetime"))
                .isEqualTo(published.plus(Duration.ofHours(2)).toString());
    }

    @Test
    void urlCarriesSectionPathAndPublicationDate() {
        Instant published = Instant.parse("2026-05-31T09:30:00Z");
        ArticleSummary story = newsroom.article(defense, reporter)
                .slug(Newsroom.unique("chief-sees-no-threat"))
                .publishedAt(published)
                .publish();

        assertThat(story.url()).isEqualTo("/" + defense.path() + "/2026/05/31/" + story.slug());
        assertThat(http.get(story.url()).status()).isEqualTo(200);
    }

    @Test
    void redirectsRetiredSlugToCanonicalUrl() {
        ArticleSummary story = newsroom.article(defense, reporter).publish();
        String oldUrl = story.url();
        String newSlug = Newsroom.unique("renamed");
        newsroom.articles().changeSlug(story.id(), newSlug);
        String newUrl = newsroom.articles().liveById(story.id()).orElseThrow().url();

        Http.Response response = http.get(oldUrl);

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.location()).isEqualTo(newUrl);
        assertThat(newUrl).endsWith("/" + newSlug);
        assertThat(http.get(newUrl).status()).isEqualTo(200);
    }

    @Test
    void redirectsWrongSectionOrDateToCanonicalUrl() {
        ArticleSummary story = newsroom.article(defense, reporter).publish();

        Http.Response wrongSection = http.get("/" + world.path() + "/2001/01/01/" + story.slug());

        assertThat(wrongSection.status()).isEqualTo(301);
        assertThat(wrongSection.location()).isEqualTo(story.url());
    }

    @Test
    void hidesDraftsAndScheduledStoriesUntilTheirTime() {
        long draft =
                newsroom.article(defense, reporter).status(ArticleStatus.DRAFT).create();
        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));
        String futureSlug = Newsroom.unique("embargoed");
        newsroom.article(defense, reporter)
                .slug(futureSlug)
                .status(ArticleStatus.PUBLISHED)
                .publishedAt(inAnHour)
                .create();
        String futureUrl = "/" + defense.path() + "/"
                + DateTimeFormatter.ofPattern("yyyy/MM/dd").format(inAnHour.atZone(ZoneOffset.UTC)) + "/" + futureSlug;

        assertThat(newsroom.articles().liveById(draft)).isEmpty();
        assertThat(http.get(futureUrl).status()).isEqualTo(404);
        assertThat(http.get(defense.url()).page().select(".card a[href=" + futureUrl + "]"))
                .isEmpty();

        clock.advance(Duration.ofHours(2));
        try {
            assertThat(http.get(futureUrl).status()).isEqualTo(200);
        } finally {
            clock.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void showsScheduledStoriesOnceTheirTimeComes() {
        Instant inTenMinutes = clock.instant().plus(Duration.ofMinutes(10));
        long id = newsroom.article(defense, reporter)
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(inTenMinutes)
                .create();

        assertThat(newsroom.articles().liveById(id)).isEmpty();
        clock.advance(Duration.ofMinutes(11));
        try {
            ArticleSummary live = newsroom.articles().liveById(id).orElseThrow();
            assertThat(http.get(live.url()).status()).isEqualTo(200);
            assertThat(http.get(defense.url())
                            .page()
                            .select(".card__headline a")
                            .eachAttr("href"))
                    .contains(live.url());
        } finally {
            clock.advance(Duration.ofMinutes(-11));
        }
    }

    @Test
    void answersUnknownArticlesWithFriendlyNotFound() {
        Http.Response response = http.get("/" + defense.path() + "/2026/05/31/no-such-story");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.page().selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(response.body()).doesNotContain("Exception", "at news.broadsheet");
    }

    @Test
    void sanitisesArticleBodies() {
        ArticleSummary story = newsroom.article(defense, reporter)
                .body("Safe text.\n\n<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3))")
                .publish();

        Element body = http.get(story.url()).page().selectFirst(".story__body");

        assertThat(body.select("script")).isEmpty();
        assertThat(body.select("[onerror]")).isEmpty();
        assertThat(body.select("a[href^=javascript]")).isEmpty();
        assertThat(body.text()).contains("Safe text.");
    }
}
