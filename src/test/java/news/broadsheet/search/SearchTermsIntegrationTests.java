package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.headlines;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Editors' synonyms and pinned results: made on their page, applied to the next search, no rebuild. */
@IntegrationTest
class SearchTermsIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    SiteSearch search;

    @Autowired
    TestDatabaseQueries database;

    Section world;
    Section sport;
    Author kim;
    StaffClient editor;

    @BeforeEach
    void setUp() {
        world = newsroom.section("World");
        sport = newsroom.section("Sport");
        kim = newsroom.author("Kim Laine");
        editor = StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
    }

    @Test
    void aSynonymFindsStoriesThatSayItInOtherWordsWithoutARebuild() {
        String acronym = word();
        String first = word();
        String second = word();
        newsroom.article(world, kim)
                .headline("Ministers meet at " + acronym + " summit")
                .body("The " + acronym + " summit opened today.")
                .create();
        newsroom.article(world, kim)
                .headline("The " + first + " " + second + " turns seventy")
                .body("Leaders of the " + first + " " + second + " gathered to mark the date.")
                .create();
        newsroom.article(world, kim)
                .headline("A " + second + " of convenience")
                .body("Only the second word, " + second + ", appears here, without the first.")
                .create();
        eventually(() -> headlines(http, acronym).size() == 1
                && headlines(http, "\"" + first + " " + second + "\"").size() == 1);
        var lastRebuild = search.status().lastRebuild();

        Http.Response saved =
                editor.post("/admin/search/terms/synonyms", "terms", acronym + "\n" + first + " " + second);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).isEqualTo("/admin/search/terms?done=synonyms");
        Document page = editor.get(saved.location()).page();
        assertThat(page.select("[role=status]").text()).contains("Synonyms saved");
        assertThat(page.select("#synonyms-heading ~ ul li strong").eachText())
                .contains(acronym + ", " + first + " " + second);

        assertThat(headlines(http, acronym))
                .as("the word finds the story with the phrase, which the word alone did not")
                .containsExactlyInAnyOrder(
                        "Ministers meet at " + acronym + " summit", "The " + first + " " + second + " turns seventy");
        assertThat(headlines(http, "\"" + first + " " + second + "\""))
                .as("the quoted phrase finds the story with the word; not the one with half the phrase")
                .containsExactlyInAnyOrder(
                        "Ministers meet at " + acronym + " summit", "The " + first + " " + second + " turns seventy");
        assertThat(headlines(http, first + "s " + second))
                .as("members are compared as analysed: a plural still names the group")
                .contains("Ministers meet at " + acronym + " summit");
        assertThat(search.status().lastRebuild()).as("no rebuild").isEqualTo(lastRebuild);

        long id = database.jdbc()
                .sql("SELECT id FROM search_synonym WHERE terms LIKE ?")
                .param(acronym + "%")
                .query(Long.class)
                .single();
        Http.Response removed = editor.post("/admin/search/terms/synonyms/" + id + "/remove");
        assertThat(removed.status()).isEqualTo(302);
        assertThat(headlines(http, acronym)).containsExactly("Ministers meet at " + acronym + " summit");
        assertThat(editor.post("/admin/search/terms/synonyms/" + id + "/remove").status())
                .as("removing twice says it is gone")
                .isEqualTo(404);
        assertThat(database.jdbc()
                        .sql("SELECT action FROM audit_event WHERE detail LIKE ? ORDER BY id")
                        .param("%" + acronym + "%")
                        .query(String.class)
                        .list())
                .containsExactly("search.synonyms-added", "search.synonyms-removed");
    }

    @Test
    void aPinnedStoryComesFirstForItsSearchOnlyWhileItMayBeShown() {
        String w = word();
        newsroom.article(world, kim)
                .headline(w + " results: the full count")
                .body("Every " + w + " result, district by district. The " + w + " results are final.")
                .publishedAt(clock.instant().minus(Duration.ofMinutes(1)))
                .create();
        ArticleSummary guide = newsroom.article(sport, kim)
                .headline("How to read tonight's numbers")
                .body(w + " guide, written before the count.")
                .publishedAt(clock.instant().minus(Duration.ofDays(2)))
                .publish();
        newsroom.article(world, kim)
                .headline("Not a match at all")
                .body("This one says nothing about it.")
                .create();
        eventually(() -> headlines(http, w + " results").size() == 2);
        assertThat(headlines(http, w + " results").getFirst()).isEqualTo(w + " results: the full count");

        Http.Response pinned = editor.post(
                "/admin/search/terms/pins",
                "query",
                "  " + w.toUpperCase() + " Results?",
                "story",
                http.base() + guide.url());
        assertThat(pinned.status()).isEqualTo(302);
        Document page = editor.get(pinned.location()).page();
        assertThat(page.select("#pins-heading ~ ul li").text()).contains("How to read tonight's numbers");

        assertThat(headlines(http, w + " results"))
                .as("the pinned story first, whatever its score")
                .containsExactly("How to read tonight's numbers", w + " results: the full count");
        assertThat(headlines(http, "\"" + w + " results\""))
                .as("quotes and case do not make it another search")
                .first()
                .isEqualTo("How to read tonight's numbers");
        assertThat(headlines(http, w + " results", "section", Long.toString(world.id())))
                .as("filters still apply to pinned stories")
                .containsExactly(w + " results: the full count");
        assertThat(headlines(http, w + " results", "sort", "newest"))
                .as("newest first is a date order: pins do not apply")
                .containsExactly(w + " results: the full count", "How to read tonight's numbers");
        assertThat(headlines(http, w)).as("another search").first().isEqualTo(w + " results: the full count");

        assertThat(editor.post("/admin/articles/" + guide.id() + "/workflow", "action", "unpublish")
                        .status())
                .isEqualTo(302);
        assertThat(eventually(() -> !headlines(http, w + " results").contains("How to read tonight's numbers")))
                .as("an unpublished pinned story is not shown")
                .isTrue();
        assertThat(editor.get("/admin/search/terms")
                        .page()
                        .select("#pins-heading ~ ul li")
                        .text())
                .contains("not published now");

        long id = database.jdbc()
                .sql("SELECT id FROM search_pin WHERE article_id = ?")
                .param(guide.id())
                .query(Long.class)
                .single();
        assertThat(editor.post("/admin/search/terms/pins/" + id + "/remove").status())
                .isEqualTo(302);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM search_pin WHERE article_id = ?")
                        .param(guide.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void unusableSynonymsAndPinsAreRefusedWithTheReasonAndTheInputKept() {
        Http.Response one = editor.post("/admin/search/terms/synonyms", "terms", "lonely, Lonely");
        assertThat(one.status()).isEqualTo(422);
        assertThat(one.page().select("#synonyms-problem").text()).contains("at least two different words");
        assertThat(one.page().select("#synonyms-terms").text()).isEqualTo("lonely, Lonely");

        Http.Response common = editor.post("/admin/search/terms/synonyms", "terms", "the, alliance");
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.page().select("#synonyms-problem").text())
                .contains("\"the\" is one of the very common words");

        Http.Response tooLong = editor.post("/admin/search/terms/synonyms", "terms", "a".repeat(101) + ", b");
        assertThat(tooLong.status()).isEqualTo(422);

        Http.Response noStory =
                editor.post("/admin/search/terms/pins", "query", "election results", "story", "/world/no-such-story");
        assertThat(noStory.status()).isEqualTo(422);
        assertThat(noStory.page().select("#pin-problem").text()).contains("There is no story at that address");
        assertThat(noStory.page().select("#pin-query").attr("value")).isEqualTo("election results");
        assertThat(noStory.page().select("#pin-story").attr("value")).isEqualTo("/world/no-such-story");

        Http.Response noWords = editor.post("/admin/search/terms/pins", "query", " ?! ", "story", "1");
        assertThat(noWords.status()).isEqualTo(422);
        assertThat(noWords.page().select("#pin-problem").text()).contains("Type the search");

        assertThat(editor.post("/admin/search/terms/pins/999999999/remove").status())
                .isEqualTo(404);
        assertThat(editor.post("/admin/search/terms/pins/not-a-number/remove").status())
                .isEqualTo(400);
    }

    @Test
    void onlyEditorsAndAdminsChangeSearchTerms() {
        for (Role role : List.of(Role.REPORTER, Role.MODERATOR)) {
            StaffClient staff = StaffClient.signIn(http, newsroom.staff(role).username(), Newsroom.PASSWORD);
            assertThat(staff.get("/admin/search/terms").status())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(staff.post("/admin/search/terms/synonyms", "terms", "a, b")
                            .status())
                    .as(role.name())
                    .isEqualTo(403);
        }
        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
        assertThat(admin.get("/admin/search/terms").status()).isEqualTo(200);
        assertThat(editor.get("/admin").page().select("a[href=/admin/search/terms]"))
                .isNotEmpty();
        assertThat(http.get("/admin/search/terms").status()).isEqualTo(302);
        assertThat(editor.postWithoutCsrf("/admin/search/terms/synonyms", "terms", "a, b")
                        .status())
                .as("CSRF")
                .isEqualTo(403);
    }
}
