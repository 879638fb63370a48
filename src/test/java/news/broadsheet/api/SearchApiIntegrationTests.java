package news.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Search through the JSON API: the same index and rules as the search page, as problem details when refused. */
@IntegrationTest(properties = "broadsheet.search.page-size=2")
class SearchApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    Section section;
    Author author;

    @BeforeEach
    void setUp() {
        section = newsroom.section("Science");
        author = newsroom.author("Lena Marsh");
    }

    @Test
    void findsLiveStoriesWithSnippetsFacetsAndPageLinks() {
        String word = "zuqkorvtbk";
        ArticleSummary headline = newsroom.article(section, author)
                .headline("Observatory reports " + word + " sighting")
                .body("A short report.")
                .publish();
        newsroom.article(section, author)
                .headline("Night sky notes")
                .body("Astronomers logged the " + word + " again <script>alert(1)</script>.")
                .publish();
        newsroom.article(section, author)
                .headline("Weekend sky")
                .body("Another " + word + " was seen.")
                .publish();
        long draft = newsroom.article(section, author)
                .headline("Draft " + word)
                .status(ArticleStatus.DRAFT)
                .create();
        long scheduled = newsroom.article(section, author)
                .headline("Scheduled " + word)
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(clock.instant().plus(Duration.ofDays(1)))
                .create();

        JsonNode first = awaitTotal("/api/v1/search?q=" + word, 3);

        assertThat(first.path("page").asInt()).isEqualTo(1);
        assertThat(first.path("pageSize").asInt()).isEqualTo(2);
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("article").path("id").asLong())
                .as("headline match first")
                .isEqualTo(headline.id());
        assertThat(first.path("items").get(0).path("article").path("url").asString())
                .endsWith(headline.url());
        assertThat(first.path("links").path("previous").isNull()).isTrue();
        String next = first.path("links").path("next").asString();
        assertThat(next).contains("page=2").contains("q=" + word);
        JsonNode facet = first.path("facets")
                .valueStream()
                .filter(f -> f.path("name").asString().equals("section"))
                .findFirst()
                .orElseThrow();
        assertThat(facet.path("values").get(0).path("label").asString()).isEqualTo(section.name());
        assertThat(facet.path("values").get(0).path("count").asLong()).isEqualTo(3);

        JsonNode second =
                JSON.readTree(http.get(next.substring(next.indexOf("/api/"))).body());
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("links").path("next").isNull()).isTrue();
        List<String> snippets = List.of(
                first.path("items").get(1).path("snippetHtml").asString(),
                second.path("items").get(0).path("snippetHtml").asString());
        assertThat(String.join(" ", snippets)).contains("<mark>").doesNotContain("<script>");

        List<Long> ids = new java.util.ArrayList<>();
        first.path("items")
                .forEach(item -> ids.add(item.path("article").path("id").asLong()));
        second.path("items")
                .forEach(item -> ids.add(item.path("article").path("id").asLong()));
        assertThat(ids).doesNotContain(draft, scheduled);
    }

    @Test
    void refusesBadSearchesWithProblemDetails() {
        for (String query : List.of(
                "/api/v1/search",
                "/api/v1/search?q=",
                "/api/v1/search?q=%22unbalanced",
                "/api/v1/search?q=x&sort=oldest",
                "/api/v1/search?q=x&page=0",
                "/api/v1/search?q=x&page=99999999999999999999",
                "/api/v1/search?q=x&from=yesterday",
                "/api/v1/search?q=x&section=987654",
                "/api/v1/search?q=x&size=0",
                "/api/v1/search?q=x&size=101",
                "/api/v1/search?q=x&size=ten")) {
            Http.Response response = http.get(query);
            if (query.contains("unbalanced")) {
                assertThat(response.status()).as(query).isIn(200, 400);
                continue;
            }
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("detail").asString()).as(query).isNotBlank();
        }
    }

    @Test
    void takesAPageSizeAndALongQuestionInPlainLanguage() {
        String word = "vemqortlab";
        for (int i = 1; i <= 4; i++) {
            newsroom.article(section, author)
                    .headline("Sighting " + i + " of the " + word)
                    .body("Observers counted it again.")
                    .publish();
        }
        awaitTotal("/api/v1/search?q=" + word, 4);

        JsonNode three =
                JSON.readTree(http.get("/api/v1/search?q=" + word + "&size=3").body());
        assertThat(three.path("pageSize").asInt()).isEqualTo(3);
        assertThat(three.path("items")).hasSize(3);
        assertThat(three.path("links").path("next").asString())
                .contains("size=3")
                .contains("page=2");

        String question = "Where and when did observers report seeing the " + word
                + " this season, and what did they say about it? " + "Please tell me more. ".repeat(120);
        Http.Response answer = http.get(
                "/api/v1/search?q=" + java.net.URLEncoder.encode(question, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer.status())
                .as("a long question is read up to the limit, not refused")
                .isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("total").asLong()).isEqualTo(4);
    }

    private JsonNode awaitTotal(String url, int total) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        JsonNode answer = null;
        while (System.nanoTime() < deadline) {
            Http.Response response = http.get(url);
            if (response.status() == 200) {
                answer = JSON.readTree(response.body());
                if (answer.path("total").asLong() == total) {
                    return answer;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("search did not find " + total + " stories: " + answer);
    }
}
