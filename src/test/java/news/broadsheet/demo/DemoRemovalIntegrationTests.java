package news.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.demo.internal.DemoRecord;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Removing the demo newsroom at {@code /admin/demo}. The context starts like a first production
 * start that asks for the demo anyway: the first admin's settings and an explicit
 * {@code broadsheet.demo-content.enabled=true}, which wins.
 */
@IntegrationTest(
        properties = {
            "broadsheet.demo-content.enabled=true",
            "broadsheet.admin.username=chief",
            "broadsheet.admin.password=" + DemoRemovalIntegrationTests.CHIEF_PASSWORD
        })
class DemoRemovalIntegrationTests {

    static final String CHIEF_PASSWORD = "a long passphrase of our own";

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Articles articles;

    @Autowired
    Sections sections;

    @Autowired
    Authors authors;

    @Autowired
    DemoRecord record;

    @Autowired
    DemoContentLoader loader;

    @Autowired
    TestDatabaseQueries database;

    @Test
    void removesExactlyTheDemoNewsroomAndKeepsWhatTheNewsroomMadeInIt() throws Exception {
        List<Long> demoStories = record.ids(DemoRecord.Kind.ARTICLE);
        assertThat(demoStories)
                .as("an explicit setting loads the demo despite the admin settings")
                .hasSize(14);
        int demoComments = database.jdbc()
                .sql("SELECT COUNT(*) FROM comment")
                .query(Integer.class)
                .single();
        assertThat(demoComments).isPositive();
        String demoLead =
                http.get("/").page().selectFirst(".lead .card__headline a").attr("href");
        String demoHeadline =
                articles.headlines(List.of(demoStories.getFirst())).get(demoStories.getFirst());
        assertThat(eventually(() -> searchHeadlines(demoHeadline).contains(demoHeadline)))
                .isTrue();

        // The newsroom's own work, partly inside the demo: a story in Europe, with a demo tag, co-written by a demo
        // author.
        Section europe = sections.byPath("world/europe").orElseThrow();
        Tag demoTag = articles.tagsOf(demoStories).values().iterator().next().getFirst();
        Author demoAuthor = authors.byIds(record.ids(DemoRecord.Kind.AUTHOR)).values().stream()
                .sorted(java.util.Comparator.comparing(Author::name))
                .findFirst()
                .orElseThrow();
        Section local = newsroom.section("Local");
        String word =
                "quillwort" + Long.toString(System.nanoTime() % 100_000, 36).replaceAll("\\d", "x");
        ArticleSummary ours = newsroom.article(europe, newsroom.author("Noor Haddad"))
                .coAuthor(demoAuthor)
                .headline("Our own harbour story " + word)
                .tags(demoTag.name())
                .publish();
        ArticleSummary localStory = newsroom.article(local, newsroom.author("Ola Dahl"))
                .headline("Our own council story " + word)
                .publish();

        StaffClient chief = StaffClient.signIn(http, "chief", CHIEF_PASSWORD);
        Document preview = chief.get("/admin/demo").page();
        assertThat(preview.select(".demo-stories li"))
                .hasSize(14)
                .extracting(e -> e.text())
                .contains(demoHeadline);
        assertThat(preview.select(".demo-sections li").eachText())
                .contains(
                        "Europe (/world/europe): kept, 1 story that is not demo content is filed here",
                        "World (/world): kept, a section that stays is below it",
                        "Politics (/politics): removed");
        assertThat(preview.select(".demo-authors li").eachText())
                .contains(demoAuthor.name() + ": kept, in the byline of 1 story that is not demo content");
        assertThat(preview.select("form[action=/admin/demo/remove] button").text())
                .isEqualTo("Remove the demo newsroom");
        assertThat(database.count("article")).as("looking changes nothing").isEqualTo(16);

        Http.Response removed = chief.post("/admin/demo/remove");

        assertThat(removed.status()).isEqualTo(302);
        assertThat(removed.location()).isEqualTo("/admin/demo?done=removed");
        Document after = chief.get("/admin/demo?done=removed").page();
        assertThat(after.selectFirst(".notice").text()).isEqualTo("The demo newsroom has been removed.");
        assertThat(after.selectFirst(".demo-summary").text())
                .startsWith("Removed the demo newsroom: 14 stories, " + demoComments + " comments, ")
                .contains("Kept the section Europe (/world/europe): 1 story that is not demo content is filed here.")
                .contains("Kept the author " + demoAuthor.name());
        assertThat(after.select("form[action=/admin/demo/remove]")).isEmpty();

        // Exactly the demo is gone; the newsroom's own work stands.
        assertThat(database.count("article")).isEqualTo(2);
        assertThat(database.count("comment")).isZero();
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM article_revision")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(http.get(demoLead).status()).isEqualTo(404);
        assertThat(http.get("/politics").status()).isEqualTo(404);
        assertThat(http.get("/world/defense").status()).isEqualTo(404);
        assertThat(http.get(ours.url()).status()).isEqualTo(200);
        assertThat(http.get(localStory.url()).status()).isEqualTo(200);
        assertThat(http.get("/world/europe").page().select(".card__headline a").eachText())
                .containsExactly(ours.headline());
        assertThat(http.get("/tag/" + demoTag.slug()).status()).isEqualTo(200);
        assertThat(sections.all())
                .extracting(Section::path)
                .containsExactlyInAnyOrder("world", "world/europe", local.path());
        assertThat(authors.byIds(record.ids(DemoRecord.Kind.AUTHOR))).isEmpty();
        assertThat(authors.all())
                .extracting(Author::name)
                .contains(demoAuthor.name())
                .hasSize(3);
        assertThat(http.get("/feeds/all.rss").body())
                .doesNotContain(demoHeadline)
                .contains(ours.headline());
        assertThat(http.get("/sitemaps/articles-1.xml").body()).doesNotContain(demoLead);
        assertThat(eventually(() -> !searchHeadlines(demoHeadline).contains(demoHeadline)))
                .as("search drops the demo")
                .isTrue();
        assertThat(searchHeadlines(word)).containsExactlyInAnyOrder(ours.headline(), localStory.headline());

        // Recorded in the audit log: the removal, and every story it deleted.
        assertThat(auditCount("demo.removed")).isEqualTo(1);
        assertThat(auditCount("article.deleted")).isEqualTo(14);
        assertThat(chief.get("/admin/audit").page().text()).contains("demo.removed");

        // A second removal has nothing to do.
        assertThat(chief.post("/admin/demo/remove").status()).isEqualTo(409);

        // And the demo never comes back by itself, not even into an empty database.
        loader.loadIfWanted();
        assertThat(database.count("article")).isEqualTo(2);
        articles.delete(ours.id(), Actor.SYSTEM, "test clean-up");
        articles.delete(localStory.id(), Actor.SYSTEM, "test clean-up");
        sections.delete(europe.id());
        sections.delete(sections.byPath("world").orElseThrow().id());
        sections.delete(local.id());
        loader.loadIfWanted();
        assertThat(database.count("article")).isZero();
        assertThat(database.count("section")).isZero();
    }

    @Test
    void onlyAdminsMayRemoveTheDemoAndOnlyWithTheFormsToken() {
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        assertThat(editor.get("/admin/demo").status()).isEqualTo(403);
        assertThat(editor.post("/admin/demo/remove").status()).isEqualTo(403);
        assertThat(http.get("/admin/demo").status()).as("signed out").isEqualTo(302);

        StaffClient chief = StaffClient.signIn(http, "chief", CHIEF_PASSWORD);
        assertThat(chief.postWithoutCsrf("/admin/demo/remove").status()).isEqualTo(403);
        assertThat(chief.get("/admin/demo").page().select("nav.admin-nav a").eachText())
                .contains("Demo content");
    }

    private int auditCount(String action) {
        return database.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE action = ?")
                .param(action)
                .query(Integer.class)
                .single();
    }

    private List<String> searchHeadlines(String query) {
        Http.Response response = http.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return response.status() == 200
                ? response.page().select(".search-hit__headline a").eachText()
                : List.of();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
