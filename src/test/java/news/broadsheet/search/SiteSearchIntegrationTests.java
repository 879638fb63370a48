package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.facet;
import static news.broadsheet.search.SearchTestSupport.headlines;
import static news.broadsheet.search.SearchTestSupport.searchUrl;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.HtmlSafety;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.SharedTestData;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reader's search page: relevance, language, typos, facets, filters, sorting, paging, escaping. */
@IntegrationTest
class SiteSearchIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    Section world;
    Section sport;
    Author kim;
    Author lee;

    @BeforeEach
    void setUp() {
        world = newsroom.section("World");
        sport = newsroom.section("Sport");
        kim = newsroom.author("Kim Laine");
        lee = newsroom.author("Lee Okafor");
    }

    /** Searches until the expected number of stories is found (the indexer runs in the background). */
    private List<String> found(String query, int expected, String... params) {
        eventually(() -> headlines(http, query, params).size() == expected);
        return headlines(http, query, params);
    }

    @Test
    void headlineMatchOutranksBodyOnlyMatch() {
        String w = word();
        newsroom.article(world, kim)
                .headline("Budget talks go on")
                .body("A long report on the budget. " + w + " was mentioned once, near the end.")
                .publishedAt(clock.instant().minus(Duration.ofMinutes(5)))
                .create();
        newsroom.article(world, kim)
                .headline("The " + w + " affair deepens")
                .body("Nothing more to say.")
                .publishedAt(clock.instant().minus(Duration.ofHours(5)))
                .create();

        assertThat(found(w, 2)).containsExactly("The " + w + " affair deepens", "Budget talks go on");
        assertThat(headlines(http, w, "sort", "newest"))
                .as("newest first puts the newer body-only match on top")
                .containsExactly("Budget talks go on", "The " + w + " affair deepens");
    }

    @Test
    void aWordCountsOnceOverHeadlineStandfirstAndBodyTogether() {
        // BM25F: the word's count in the three fields is added up (the headline's weighing most)
        // before it saturates. Scored field by field, as the first pass finds its candidates, the
        // story with the word once in each field would come first: each field saturates apart.
        String w = word();
        // Words of their own, so no other test's search finds these stories.
        String filler = java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> word())
                .collect(java.util.stream.Collectors.joining(" "));
        newsroom.article(world, kim)
                .headline("Once in each: " + w)
                .standfirst("A note on " + w + " from " + filler.substring(0, filler.indexOf(' ')))
                .body(w + " " + filler + " " + filler)
                .publishedAt(clock.instant().minus(Duration.ofMinutes(5)))
                .create();
        newsroom.article(world, kim)
                .headline("All through: " + w)
                .standfirst("A note on " + word() + " from " + filler.substring(0, filler.indexOf(' ')))
                .body((w + " ").repeat(12) + filler + " " + filler.substring(0, filler.lastIndexOf(' ')))
                .publishedAt(clock.instant().minus(Duration.ofHours(5)))
                .create();

        assertThat(found(w, 2)).containsExactly("All through: " + w, "Once in each: " + w);
    }

    @Test
    void aQuestionFindsAStoryThatHasOnlySomeOfItsWords() {
        String w = word();
        newsroom.article(world, kim)
                .headline("Harbour " + w + " reopens to ferries")
                .body("The crossing runs every hour again after the repairs.")
                .create();

        String question = "when will the harbour " + w + " open again for the ferry crossing travellers";
        eventually(() -> headlines(http, question).contains("Harbour " + w + " reopens to ferries"));
        assertThat(headlines(http, question))
                .as("'travellers' and 'when' are in no story; the story has the rest, so it comes first")
                .first()
                .isEqualTo("Harbour " + w + " reopens to ferries");
    }

    @Test
    void storiesWithMoreOfTheWordsAndWithThemSideBySideRankHigher() {
        String a = word();
        String b = word();
        newsroom.article(world, kim)
                .headline("Scattered")
                .body(a + " was in the first paragraph. Much later, and on another matter, " + b + " came up.")
                .publishedAt(clock.instant().minus(Duration.ofMinutes(1)))
                .create();
        newsroom.article(world, kim)
                .headline("Together")
                // Longer than "Scattered", so only the words' closeness can put it first.
                .body("Reports of " + a + " " + b + " spread. Much later, and on another matter entirely, nothing"
                        + " much came up at the meeting.")
                .publishedAt(clock.instant().minus(Duration.ofHours(2)))
                .create();
        newsroom.article(world, kim)
                .headline("Only one")
                .body("Only " + a + " here, and nothing else of note at all in the whole of this report.")
                .publishedAt(clock.instant().minus(Duration.ofHours(3)))
                .create();

        assertThat(found(a + " " + b, 3))
                .as("the words side by side first, then both apart, then one of them")
                .containsExactly("Together", "Scattered", "Only one");
    }

    @Test
    void aStoryOnTheTopicOfTheBestMatchesOutranksOneThatOnlySharesAWord() {
        String w = word();
        String shared = word();
        String topic = word() + " " + word() + " " + word();
        newsroom.article(world, kim)
                .headline("Ferry " + w + " " + shared + " ends")
                .body("Ferry crews ended the " + shared + ". " + topic + ". The timetable returns; " + topic + ".")
                .publishedAt(clock.instant().minus(Duration.ofHours(1)))
                .create();
        newsroom.article(world, kim)
                .headline("Ports brace for winter")
                .body("The " + shared + " left harbours with a backlog. " + topic + ", said the harbour master;" + " "
                        + topic + ".")
                .publishedAt(clock.instant().minus(Duration.ofHours(2)))
                .create();
        newsroom.article(world, kim)
                .headline("Orchestra season opens")
                // Shorter than "Ports brace for winter": on the searched words alone it would rank above it.
                .body("A " + shared + " of bells rang at noon.")
                .publishedAt(clock.instant().minus(Duration.ofMinutes(5)))
                .create();
        newsroom.article(world, kim)
                .headline("Same topic, none of the words")
                .body(topic + " again, in a story without the searched words.")
                .create();

        assertThat(found(w + " " + shared, 3))
                .as("the best match first; then the story sharing its topic words above the one that only"
                        + " shares a searched word; the topic words alone match nothing")
                .containsExactly(
                        "Ferry " + w + " " + shared + " ends", "Ports brace for winter", "Orchestra season opens");
    }

    @Test
    void aLongQuestionIsReadUpToTheLimitInsteadOfRefused() {
        String w = word();
        newsroom.article(world, kim).headline("Long question " + w).create();
        found(w, 1);

        String question = "I would like to read about " + w + " " + "and everything around it ".repeat(120);
        Http.Response response = http.get(searchUrl(question));
        assertThat(response.status()).isEqualTo(200);
        assertThat(headlines(response.page())).first().isEqualTo("Long question " + w);
        assertThat(response.page().select("input#search-q").val())
                .as("the box keeps all that was typed")
                .isEqualTo(question.strip());
        assertThat(response.page().title())
                .as("the title shows the question's start, cut after a word")
                .startsWith("Search: I would like to read about " + w)
                .endsWith("…")
                .hasSizeLessThan(100);
    }

    @Test
    void englishStemmingFindsOtherFormsOfAWord() {
        String w = word();
        newsroom.article(world, kim)
                .headline("Vote count " + w)
                .body("The council elected a new mayor after the election.")
                .create();

        assertThat(found("elections " + w, 1)).containsExactly("Vote count " + w);
        assertThat(found("electing " + w, 1))
                .as("'electing' and 'elected' share a stem, two letters apart")
                .containsExactly("Vote count " + w);
        assertThat(headlines(http, "the " + w)).as("stop words are ignored").hasSize(1);
    }

    @Test
    void quotedPhrasesMatchWordsInOrderOnly() {
        String w = word();
        newsroom.article(world, kim)
                .headline("In order " + w)
                .body("The city council met today.")
                .create();
        newsroom.article(world, kim)
                .headline("Out of order " + w)
                .body("The council of the city met today.")
                .create();

        found(w, 2);
        assertThat(headlines(http, "\"city council\" " + w)).containsExactly("In order " + w);
        assertThat(headlines(http, "city council " + w)).hasSize(2);
    }

    @Test
    void aOneLetterTypoStillFindsTheStory() {
        String w = word();
        String typo = w.substring(0, 4) + (w.charAt(4) == 'x' ? 'y' : 'x') + w.substring(5);
        newsroom.article(world, kim)
                .headline("Typo " + w)
                .body("Harbour cranes stood idle.")
                .create();

        found(w, 1);
        assertThat(headlines(http, typo)).containsExactly("Typo " + w);
        assertThat(headlines(http, "harbuor " + w))
                .as("a transposition in a real word")
                .containsExactly("Typo " + w);
    }

    @Test
    void aMisspelledSearchOffersTheSpellingTheStoriesUse() {
        String w = word();
        String typo = w.substring(0, 5) + (w.charAt(5) == 'x' ? 'y' : 'x') + w.substring(6);
        newsroom.article(sport, kim)
                .headline("Spelling " + w)
                .body("The club's new ground opens in spring.")
                .create();
        found(w, 1);

        Document page =
                http.get(searchUrl(typo, "section", Long.toString(sport.id()))).page();
        Element suggestion = page.selectFirst(".search__suggestion a");
        assertThat(suggestion).as("a 'did you mean' link").isNotNull();
        assertThat(suggestion.text()).isEqualTo(w);
        assertThat(suggestion.attr("href")).contains("q=" + w).contains("section=" + sport.id());
        assertThat(headlines(http.get(suggestion.attr("href")).page())).containsExactly("Spelling " + w);
        assertThat(http.get(searchUrl(w)).page().select(".search__suggestion"))
                .as("nothing to suggest when the words are spelled as the stories spell them")
                .isEmpty();
        Document many = http.get(searchUrl(typo + " club ground opens spring")).page();
        assertThat(many.select(".search__suggestion a").text())
                .as("offered with many results too, when a word is in no story at all")
                .isEqualTo(w + " club ground opens spring");
        String api = http.get("/api/v1/search?q=" + typo).body();
        assertThat(api).contains("\"didYouMean\":\"" + w + "\"");
    }

    @Test
    void facetsCountSectionsAuthorsAndYearsAndFilterKeepingTheQuery() {
        String w = word();
        Instant lastYear = clock.instant().atZone(ZoneOffset.UTC).minusYears(1).toInstant();
        newsroom.article(world, kim).headline("One " + w).create();
        newsroom.article(world, lee).headline("Two " + w).publishedAt(lastYear).create();
        newsroom.article(sport, kim).coAuthor(lee).headline("Three " + w).create();

        found(w, 3);
        Document page = http.get(searchUrl(w)).page();
        assertThat(facet(page, "Section")).contains("World (2)", "Sport (1)");
        assertThat(facet(page, "Author")).contains("Kim Laine (2)", "Lee Okafor (2)");
        int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
        assertThat(facet(page, "Year")).containsExactly(thisYear + " (2)", (thisYear - 1) + " (1)");

        Element worldLink = page.selectFirst(".facet a:contains(World)");
        assertThat(worldLink.attr("href")).contains("q=" + w).contains("section=" + world.id());
        Document narrowed = http.get(worldLink.attr("href")).page();
        assertThat(headlines(narrowed)).containsExactlyInAnyOrder("One " + w, "Two " + w);
        assertThat(narrowed.select("input#search-q[name=q]").val()).isEqualTo(w);

        Element leeLink = narrowed.selectFirst(".facet a:contains(Lee Okafor)");
        assertThat(headlines(http.get(leeLink.attr("href")).page())).containsExactly("Two " + w);
        assertThat(headlines(http, w, "year", Integer.toString(thisYear - 1))).containsExactly("Two " + w);
        assertThat(headlines(http, w, "author", Long.toString(kim.id())))
                .containsExactlyInAnyOrder("One " + w, "Three " + w);
    }

    @Test
    void dateRangeFilterKeepsStoriesPublishedBetweenTheDays() {
        String w = word();
        Instant now = clock.instant();
        newsroom.article(world, kim)
                .headline("Recent " + w)
                .publishedAt(now.minus(Duration.ofDays(1)))
                .create();
        newsroom.article(world, kim)
                .headline("Older " + w)
                .publishedAt(now.minus(Duration.ofDays(10)))
                .create();
        newsroom.article(world, kim)
                .headline("Oldest " + w)
                .publishedAt(now.minus(Duration.ofDays(40)))
                .create();

        found(w, 3);
        String from = day(now.minus(Duration.ofDays(20)));
        String to = day(now.minus(Duration.ofDays(5)));
        assertThat(headlines(http, w, "from", from, "to", to)).containsExactly("Older " + w);
        assertThat(headlines(http, w, "from", from)).containsExactlyInAnyOrder("Recent " + w, "Older " + w);
        assertThat(headlines(http, w, "to", day(now.minus(Duration.ofDays(40)))))
                .containsExactly("Oldest " + w);
    }

    @Test
    void pagesThroughManyResults() {
        String w = word();
        for (int i = 1; i <= 13; i++) {
            newsroom.article(world, kim)
                    .headline("Story " + i + " " + w)
                    .publishedAt(clock.instant().minus(Duration.ofMinutes(i)))
                    .create();
        }
        eventually(() -> http.get(searchUrl(w)).page().text().contains("13 stories match"));
        Document first = http.get(searchUrl(w, "sort", "newest")).page();
        assertThat(first.text()).contains("13 stories match");
        assertThat(headlines(first)).hasSize(10).first().isEqualTo("Story 1 " + w);
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).contains("page=2").contains("sort=newest");
        Document second = http.get(next).page();
        assertThat(headlines(second)).containsExactly("Story 11 " + w, "Story 12 " + w, "Story 13 " + w);
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("a[rel=prev]").attr("href")).doesNotContain("page=");
        assertThat(headlines(http, w, "page", "3")).isEmpty();
    }

    @Test
    void snippetsHighlightMatchesAndEscapeTheStoryText() {
        String w = word();
        newsroom.article(world, kim)
                .headline("Markup " + w)
                .body("Never trust `<script>alert(1)</script>` in a story about " + w + " & <b>bold</b> claims.")
                .create();

        found(w, 1);
        Http.Response response = http.get(searchUrl(w));
        Element snippet = response.page().selectFirst(".search-hit__snippet");
        assertThat(snippet.select("mark").eachText()).containsExactly(w);
        assertThat(snippet.text()).contains("<script>alert(1)</script>");
        assertThat(snippet.select("script, b")).isEmpty();
        assertThat(response.body()).doesNotContain("<script>alert");
        assertThat(HtmlSafety.pageProblems(response.body())).isEmpty();
    }

    @Test
    void emptyQueryShowsTheFormWithHelp() {
        Http.Response response = http.get("/search");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Robots-Tag")).isEqualTo("noindex");
        Document page = response.page();
        assertThat(page.select("form[action=/search][method=get] input#search-q[name=q]"))
                .hasSize(1);
        assertThat(page.select(".search__help").text()).contains("double quotes");
        assertThat(http.get("/search?q=%20%20").status()).isEqualTo(200);
    }

    @Test
    void brokenOrOverlongQueriesGetAHelpfulPageWithTheInputKept() {
        for (String query : List.of("\"unbalanced quote", "*", "AND", "+ - && ||", "()", "the and of")) {
            Http.Response response = http.get(searchUrl(query));
            assertThat(response.status()).as(query).isEqualTo(400);
            Document page = response.page();
            assertThat(page.select(".search__problem").text()).as(query).startsWith("We could not run that search");
            assertThat(page.select("input#search-q[name=q]").val()).as(query).isEqualTo(query);
        }
        assertThat(http.get(searchUrl("a\u0000b")).status()).isEqualTo(400);
        assertThat(http.get(searchUrl("election AND", "sort", "newest")).status())
                .as("a stray operator next to a word is just spacing")
                .isEqualTo(200);
        assertThat(http.get(searchUrl("\"" + word() + "*\"")).status()).isEqualTo(200);
    }

    @Test
    void badFiltersGetAClearMessageNotAnError() {
        String[][] cases = {
            {"section", "999999"}, {"section", "world"}, {"author", "-1"}, {"year", "20x4"}, {"from", "2024-13-01"},
            {"to", "yesterday"}, {"page", "-1"}, {"page", "0"}, {"page", "99999999999"}, {"page", "101"},
            {"sort", "random"}
        };
        for (String[] bad : cases) {
            Http.Response response = http.get(searchUrl("budget", bad[0], bad[1]));
            assertThat(response.status()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
            assertThat(response.page().select(".search__problem p").text())
                    .as(bad[0] + "=" + bad[1])
                    .isNotBlank();
        }
        assertThat(http.get(searchUrl("budget", "from", "2024-05-01", "to", "2024-04-01"))
                        .page()
                        .text())
                .contains("Swap them round");
    }

    @Test
    void sharedXssPayloadsAsQueriesNeverBreakThePage() throws IOException {
        List<String> payloads = Files.readAllLines(
                SharedTestData.require("xss/payloadbox-xss-payload-list.txt"), StandardCharsets.UTF_8);
        for (String payload : payloads.subList(0, Math.min(300, payloads.size()))) {
            Http.Response response = http.get(searchUrl(payload));
            assertThat(response.status()).as(payload).isBetween(200, 499);
            assertThat(response.body()).as(payload).doesNotContain("at java.", "Exception");
            assertThat(HtmlSafety.pageProblems(response.body())).as(payload).isEmpty();
        }
    }

    private static String day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
