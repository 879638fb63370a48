package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.headlines;
import static news.broadsheet.search.SearchTestSupport.searchUrl;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.search.internal.SearchIndex;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Rebuilding the index: by itself when it is missing or damaged, and on an admin's request; related stories. */
@IntegrationTest
class SearchIndexAdminIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    SearchIndex index;

    @Autowired
    SiteSearch search;

    @Autowired
    TestDatabaseQueries database;

    @Value("${broadsheet.data-dir}")
    String dataDir;

    @Test
    void rebuildsADeletedIndexByItselfAtStartUp() throws IOException {
        String w = word();
        Section section = newsroom.section("World");
        newsroom.article(section, newsroom.author("Ida Berg"))
                .headline("Survivor " + w)
                .create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();

        restartWith(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path path :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        });
        assertRebuiltAndSearchable(w, "Survivor " + w);
    }

    @Test
    void rebuildsACorruptedIndexByItselfAtStartUp() throws IOException {
        String w = word();
        Section section = newsroom.section("World");
        newsroom.article(section, newsroom.author("Ida Berg"))
                .headline("Resilient " + w)
                .create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();

        restartWith(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path path : files.filter(Files::isRegularFile).toList()) {
                    if (!path.getFileName().toString().equals("write.lock")) {
                        Files.write(path, "not an index at all".getBytes());
                    }
                }
            }
        });
        assertRebuiltAndSearchable(w, "Resilient " + w);
    }

    @Test
    void adminsRebuildTheIndexOnRequestAndItIsAudited() {
        String w = word();
        Section section = newsroom.section("World");
        newsroom.article(section, newsroom.author("Ida Berg"))
                .headline("Rebuilt " + w)
                .create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();

        StaffClient admin = signIn(Role.ADMIN);
        Document status = admin.get("/admin/search").page();
        assertThat(status.select("h1").text()).isEqualTo("Search index");
        assertThat(status.select("dd").eachText()).anyMatch(text -> text.equals("Ready"));
        var before = search.status().lastRebuild();

        Http.Response rebuild = admin.post("/admin/search/rebuild");
        assertThat(rebuild.status()).isEqualTo(302);
        assertThat(rebuild.location()).isEqualTo("/admin/search?done=rebuild");
        // Searches keep working while the new index is built.
        for (int i = 0; i < 5; i++) {
            assertThat(headlines(http, w)).containsExactly("Rebuilt " + w);
        }
        assertThat(eventually(() -> !search.status().rebuilding()
                        && search.status().lastRebuild() != null
                        && !search.status().lastRebuild().equals(before)))
                .isTrue();
        assertThat(headlines(http, w)).containsExactly("Rebuilt " + w);
        // Stories other tests published may still be reaching the index, so the count can move
        // between reading the page and reading the status; it must settle on the same number.
        assertThat(eventually(() -> admin.get("/admin/search").page().select("dd").eachText().stream()
                        .anyMatch(text ->
                                text.equals(Long.toString(search.status().documents())))))
                .as("the page shows the index's document count")
                .isTrue();
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'search.rebuild-requested'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(admin.postWithoutCsrf("/admin/search/rebuild").status())
                .as("CSRF")
                .isEqualTo(403);
    }

    @Test
    void onlyAdminsSeeOrRebuildTheIndex() {
        for (Role role : List.of(Role.EDITOR, Role.REPORTER, Role.MODERATOR)) {
            StaffClient staff = signIn(role);
            assertThat(staff.get("/admin/search").status()).as(role.name()).isEqualTo(403);
            assertThat(staff.post("/admin/search/rebuild").status())
                    .as(role.name())
                    .isEqualTo(403);
        }
        assertThat(http.get("/admin/search").status()).isEqualTo(302);
        assertThat(http.postForm("/admin/search/rebuild", Http.form()).status()).isIn(302, 403);
    }

    @Test
    void relatedStoriesShowSimilarLiveStoriesSameSectionFirst() {
        Section ports = newsroom.section("Ports");
        Section business = newsroom.section("Business");
        Author author = newsroom.author("Ida Berg");
        String w = word();
        String text = "Dockers at the harbour " + w + " walked out as crane operators and shipping lines argued"
                + " over container fees, harbour pilots and berth schedules.";
        ArticleSummary story = newsroom.article(ports, author)
                .headline("Harbour strike " + w)
                .body(text)
                .publish();
        newsroom.article(business, author)
                .headline("Shipping lines count strike cost " + w)
                .body(text + " Shipping lines said the harbour strike costs millions.")
                .create();
        newsroom.article(ports, author)
                .headline("Crane operators join harbour walkout " + w)
                .body("Crane operators at the harbour " + w + " joined dockers over berth schedules.")
                .create();
        newsroom.article(ports, author)
                .headline("Draft harbour piece " + w)
                .body(text)
                .status(ArticleStatus.DRAFT)
                .create();
        assertThat(eventually(() -> headlines(http, w).size() == 3)).isTrue();

        Document page = http.get(story.url()).page();
        List<String> related = page.select("aside.related li a").eachText();
        assertThat(related).hasSizeBetween(2, 4);
        assertThat(related.getFirst()).as("same section first").isEqualTo("Crane operators join harbour walkout " + w);
        assertThat(related)
                .contains("Shipping lines count strike cost " + w)
                .noneMatch(headline -> headline.startsWith("Harbour strike") || headline.startsWith("Draft"));
        assertThat(page.select("aside.related").first().siblingIndex())
                .as("before the comments")
                .isLessThan(
                        page.select("#comments, .comments").isEmpty()
                                ? Integer.MAX_VALUE
                                : page.select("#comments, .comments").first().siblingIndex());

        String lonely = word();
        ArticleSummary alone = newsroom.article(newsroom.section("Misc"), author)
                .headline(lonely)
                // Its own standfirst too: the builder's default is in every other test story.
                .standfirst(word() + " " + word())
                .body(word() + " " + word())
                .publish();
        assertThat(eventually(() -> headlines(http, lonely).size() == 1)).isTrue();
        assertThat(http.get(alone.url()).page().select("aside.related")).isEmpty();
    }

    @Test
    void searchPageSaysPolitelyWhenTheIndexIsBeingBuilt() {
        index.stop();
        try {
            Http.Response response = http.get(searchUrl("anything"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.page().select(".search__problem h2").text()).isEqualTo("Search is being rebuilt");
        } finally {
            index.start();
        }
        assertThat(eventually(index::available)).isTrue();
    }

    @Test
    void aRestartedIndexKeepsApplyingChangesWhenTheStopFoundTheIndexerBetweenRounds() {
        // A stop that finds the indexer busy with a round (or already ended) is not taken by that
        // indexer; the second stop here makes that happen every time instead of now and then.
        index.stop();
        index.stop();
        try {
            assertThat(index.available()).isFalse();
        } finally {
            index.start();
        }
        assertThat(eventually(index::available)).isTrue();

        String w = word();
        newsroom.article(newsroom.section("World"), newsroom.author("Ida Berg"))
                .headline("After the restart " + w)
                .create();
        assertThat(eventually(() -> headlines(http, w).size() == 1))
                .as("changes after the restart are applied")
                .isTrue();
    }

    /** Stops the index as a node stops, does something to its files, and starts it again. */
    private void restartWith(FileAction action) throws IOException {
        index.stop();
        try {
            action.apply(Path.of(dataDir).resolve("search-index"));
        } finally {
            index.start();
        }
    }

    private void assertRebuiltAndSearchable(String w, String headline) {
        Http.Response during = http.get(searchUrl(w));
        assertThat(during.status()).isEqualTo(200);
        assertThat(eventually(() -> headlines(http, w).equals(List.of(headline))))
                .as("rebuilt in the background")
                .isTrue();
        assertThat(search.status().lastRebuild()).isNotNull();
    }

    private StaffClient signIn(Role role) {
        return StaffClient.signIn(http, newsroom.staff(role).username(), Newsroom.PASSWORD);
    }

    private interface FileAction {
        void apply(Path root) throws IOException;
    }
}
