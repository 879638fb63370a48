package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.searchUrl;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Suggestions as a reader types (the JSON the search boxes' script reads), and their no-script stand-in. */
@IntegrationTest
class SearchSuggestionsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Test
    void suggestsLiveHeadlinesWithTheWordsTypedSoFarThenSectionsAuthorsAndTags() {
        String w = word();
        String capitalised = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        Section section = newsroom.section(capitalised + " Affairs");
        Author author = newsroom.author("Ana " + capitalised + "son");
        ArticleSummary older = newsroom.article(section, author)
                .headline(capitalised + " summit opens in the rain")
                .publishedAt(clock.instant().minus(Duration.ofDays(3)))
                .tags(capitalised + " talks")
                .publish();
        ArticleSummary newer = newsroom.article(section, author)
                .headline("Leaders leave the " + w + " summit early")
                .publishedAt(clock.instant().minus(Duration.ofHours(1)))
                .publish();
        newsroom.article(section, author)
                .headline(capitalised + " summitry, a draft")
                .status(ArticleStatus.DRAFT)
                .create();
        newsroom.article(section, author)
                .headline(capitalised + " weather warning")
                .publish();

        String typed = w.substring(0, 5).toUpperCase() + w.substring(5) + " sum";
        assertThat(eventually(() -> labels(suggest(typed), "story").size() == 2))
                .isTrue();
        JsonNode answer = suggest(typed);
        assertThat(labels(answer, "story"))
                .as("headlines with both words, the last one unfinished, newest first; never a draft")
                .containsExactly(newer.headline(), older.headline());
        assertThat(urls(answer, "story")).containsExactly(newer.url(), older.url());

        // The third story is indexed a moment after the other two.
        assertThat(eventually(() -> labels(suggest(w.substring(0, 6)), "story").size() == 3))
                .isTrue();
        JsonNode names = suggest(w.substring(0, 6));
        assertThat(labels(names, "section")).containsExactly(section.name());
        assertThat(urls(names, "section")).containsExactly(section.url());
        assertThat(labels(names, "author"))
                .as("a word of the name may start so, not only the first")
                .containsExactly(author.name());
        assertThat(labels(names, "tag")).containsExactly(capitalised + " talks");
        assertThat(labels(names, "story")).hasSize(3);

        Http.Response response = http.get("/search/suggest?q=" + w);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Cache-Control")).contains("max-age=60");
    }

    @Test
    void anythingTypedGetsAnAnswerNeverAnError() {
        for (String typed : List.of(
                "",
                "a",
                " ",
                "\"",
                "\"unclosed quote",
                "%",
                "%_\\",
                "<script>alert(1)</script>",
                "\u0007",
                "x".repeat(10_000),
                "word ".repeat(500),
                "*:* OR title:[a TO z]")) {
            Http.Response response = http.get("/search/suggest?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
            assertThat(response.status())
                    .as(typed.length() > 40 ? typed.substring(0, 40) : typed)
                    .isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("suggestions").isArray())
                    .isTrue();
        }
        assertThat(suggest("a").get("suggestions"))
                .as("one letter suggests nothing")
                .isEmpty();
        assertThat(http.get("/search/suggest").status()).isEqualTo(200);
        assertThat(http.get("/search/suggest?q=%00%07").status())
                .as("a NUL, which no keyboard types, is refused before any work")
                .isEqualTo(400);
    }

    @Test
    void withoutJavaScriptTheResultsLinkTheSectionsAuthorsAndTagsASearchNames() {
        String w = word();
        String capitalised = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        Section section = newsroom.section(capitalised);
        Author author = newsroom.author("Noor " + capitalised);
        newsroom.article(section, author)
                .headline("Floods reach the " + w + " valley")
                .tags(capitalised + " valley")
                .publish();
        eventually(() -> http.get(searchUrl(w)).page().select(".search-hit").size() == 1);

        Document page = http.get(searchUrl("noor " + w + " valley")).page();
        assertThat(page.select("nav.search__named a").eachText())
                .as("the section, the author and the tag whose whole names are in the search")
                .containsExactlyInAnyOrder(section.name(), author.name(), capitalised + " valley");
        assertThat(page.select("nav.search__named a").eachAttr("href"))
                .contains(section.url(), author.url())
                .anyMatch(href -> href.startsWith("/tag/"));
        assertThat(http.get(searchUrl("floods"))
                        .page()
                        .select("nav.search__named a")
                        .eachText())
                .doesNotContain(author.name());
    }

    private JsonNode suggest(String typed) {
        Http.Response response = http.get("/search/suggest?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> labels(JsonNode answer, String kind) {
        return field(answer, kind, "label");
    }

    private static List<String> urls(JsonNode answer, String kind) {
        return field(answer, kind, "url");
    }

    private static List<String> field(JsonNode answer, String kind, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode suggestion : answer.get("suggestions")) {
            if (suggestion.get("kind").asString().equals(kind)) {
                values.add(suggestion.get(name).asString());
            }
        }
        return values;
    }
}
