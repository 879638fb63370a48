package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.headlines;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.search.internal.IndexSearch;
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
 * Related stories are looked up in the index once per story and kept: an article page asks the
 * index again only when a story it lists (or the story itself) changed, or its entry is older than
 * {@code broadsheet.search.related-max-age}; what a listed story looks like now, and whether it is
 * live, comes from the database on every render.
 */
// The render path itself: the page cache would answer repeated reads without it.
@IntegrationTest(properties = "broadsheet.cache.enabled=false")
class RelatedStoriesIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    IndexSearch index;

    @Autowired
    MutableClock clock;

    @Autowired
    SearchSettings settings;

    @Autowired
    TestDatabaseQueries database;

    Instant start;
    Section ports;
    Section business;
    Author author;
    StaffClient editor;
    String w;
    String topic;

    @BeforeEach
    void setUp() {
        start = clock.instant();
        ports = newsroom.section("Ports");
        business = newsroom.section("Business");
        author = newsroom.author("Ida Berg");
        editor = StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        w = word();
        topic = word();
        // Words in every story of the index relate nothing: unrelated stories keep this test's
        // words telling, also when it runs first on an empty index.
        for (int i = 0; i < 3; i++) {
            newsroom.article(business, author)
                    .headline(word())
                    .standfirst(word())
                    .body(word())
                    .create();
        }
    }

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    @Test
    void articlePagesReuseTheirRelatedStoriesWithoutQueryingTheIndexAgain() {
        ArticleSummary story = story(ports);
        ArticleSummary crane = story(ports);
        ArticleSummary shipping = story(business);
        awaitIndexed(3);

        assertThat(related(story)).as("same section first").containsExactly(crane.headline(), shipping.headline());
        long asked = index.relatedLookUps();
        for (int i = 0; i < 5; i++) {
            assertThat(related(story)).containsExactly(crane.headline(), shipping.headline());
        }
        assertThat(index.relatedLookUps()).as("no index query on later renders").isEqualTo(asked);
    }

    @Test
    void anUnpublishedRelatedStoryLeavesTheBlockAtOnce() {
        ArticleSummary story = story(ports);
        ArticleSummary crane = story(ports);
        ArticleSummary shipping = story(business);
        awaitIndexed(3);
        assertThat(related(story)).contains(crane.headline());
        long asked = index.relatedLookUps();

        assertThat(editor.post(workflowUrl(crane.id()), "action", "unpublish").status())
                .isEqualTo(302);

        assertThat(related(story))
                .as("on the very next render, whether or not the indexer has run yet")
                .containsExactly(shipping.headline());
        assertThat(eventually(() -> {
                    assertThat(related(story)).containsExactly(shipping.headline());
                    return index.relatedLookUps() > asked;
                }))
                .as("the entry that listed it is dropped once the indexer applies the change")
                .isTrue();
    }

    @Test
    void aRelatedStoryShowsItsNewHeadlineAndAddressAtOnce() {
        ArticleSummary story = story(ports);
        ArticleSummary crane = story(ports);
        awaitIndexed(2);
        assertThat(related(story)).containsExactly(crane.headline());

        String slug = Newsroom.unique("cranes-moved");
        newsroom.articles().changeSlug(crane.id(), slug);
        database.jdbc()
                .sql("UPDATE article SET headline = ? WHERE id = ?")
                .params("Cranes stand still " + w, crane.id())
                .update();

        var links = http.get(story.url()).page().select("aside.related li a");
        assertThat(links.eachText()).containsExactly("Cranes stand still " + w);
        assertThat(links.attr("href")).endsWith("/" + slug);
    }

    @Test
    void aChangeLoggedByAnotherNodeDropsTheEntriesThatListTheStory() {
        ArticleSummary story = story(ports);
        ArticleSummary crane = story(ports);
        awaitIndexed(2);
        assertThat(related(story)).containsExactly(crane.headline());
        long asked = index.relatedLookUps();

        // Another node logs a change in the shared database; this node hears of it only through the log.
        database.jdbc()
                .sql("INSERT INTO search_article_change (article_id, changed_at) VALUES (?, ?)")
                .params(crane.id(), System.currentTimeMillis())
                .update();

        assertThat(eventually(() -> {
                    related(story);
                    return index.relatedLookUps() > asked;
                }))
                .isTrue();
    }

    @Test
    void aNewSimilarStoryJoinsTheBlockOnceTheEntryIsOlderThanTheMaxAge() {
        ArticleSummary story = story(ports);
        ArticleSummary crane = story(ports);
        awaitIndexed(2);
        assertThat(related(story)).containsExactly(crane.headline());

        ArticleSummary shipping = story(business);
        awaitIndexed(3);
        assertThat(related(story))
                .as("within the bound the kept answer may still be shown")
                .containsExactly(crane.headline());

        clock.advance(settings.relatedMaxAge().plus(Duration.ofSeconds(1)));
        assertThat(related(story)).containsExactly(crane.headline(), shipping.headline());
    }

    @Test
    void relatesStoriesThatShareOnlyAWordOfTheirBodies() {
        ArticleSummary story = withBodyWord(ports);
        ArticleSummary alike = withBodyWord(ports);
        awaitIndexed(2);

        assertThat(related(story)).containsExactly(alike.headline());
    }

    /** A story whose headline and standfirst share nothing with any other; its body has this test's word. */
    private ArticleSummary withBodyWord(Section section) {
        return newsroom.article(section, author)
                .headline(word())
                .standfirst(word())
                .body(word() + " " + w + " " + word())
                .publish();
    }

    /**
     * A story that shares made-up words with this test's other stories and none with any other
     * test's (the test context, and so the index, is shared).
     */
    private ArticleSummary story(Section section) {
        return newsroom.article(section, author)
                .headline(word() + " " + w)
                .standfirst(w + " " + topic)
                .body(w + " " + topic + " " + word())
                .publish();
    }

    private void awaitIndexed(int stories) {
        assertThat(eventually(() -> headlines(http, w).size() == stories)).isTrue();
    }

    private List<String> related(ArticleSummary story) {
        Http.Response response = http.get(story.url());
        assertThat(response.status()).isEqualTo(200);
        return response.page().select("aside.related li a").eachText();
    }

    private static String workflowUrl(long id) {
        return "/admin/articles/" + id + "/workflow";
    }
}
