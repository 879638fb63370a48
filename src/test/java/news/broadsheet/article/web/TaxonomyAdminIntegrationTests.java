package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Slugs;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sections and tags are renamed, moved and merged by editors; old addresses keep working. */
@IntegrationTest
class TaxonomyAdminIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    StaffClient editor;
    Author author;

    @BeforeEach
    void setUp() {
        editor = StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        author = newsroom.author("Tove Berg");
    }

    @Test
    void movesASectionUnderAnotherAndRedirectsItsOldAddresses() {
        Section world = newsroom.section("World");
        Section europe = newsroom.section("Europe");
        ArticleSummary story = newsroom.article(europe, author).publish();
        String oldSection = europe.url();
        String oldStory = story.url();

        assertThat(editor.post(
                                "/admin/sections/" + europe.id(),
                                "name",
                                "Europe",
                                "slug",
                                europe.slug(),
                                "description",
                                "Across the continent.",
                                "parentId",
                                String.valueOf(world.id()))
                        .status())
                .isEqualTo(302);

        String newSection = world.url() + "/" + europe.slug();
        assertThat(http.get(newSection).page().select("nav.trail a").eachText()).containsExactly("World", "Europe");
        Http.Response sectionRedirect = http.get(oldSection);
        assertThat(sectionRedirect.status()).isEqualTo(301);
        assertThat(sectionRedirect.location()).isEqualTo(newSection);
        Http.Response storyRedirect = http.get(oldStory);
        assertThat(storyRedirect.status()).isEqualTo(301);
        assertThat(storyRedirect.location()).startsWith(newSection + "/");
        assertThat(auditCount("section.moved")).isPositive();
    }

    @Test
    void refusesToMoveASectionUnderItsOwnChild() {
        Section world = newsroom.section("World");
        Section defense = newsroom.subsection(world, "Defense");

        Http.Response response = editor.post(
                "/admin/sections/" + world.id(),
                "name",
                "World",
                "slug",
                world.slug(),
                "description",
                "",
                "parentId",
                String.valueOf(defense.id()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.page().selectFirst(".form-problem").text())
                .isEqualTo("A section cannot move under itself.");
    }

    @Test
    void renamesAndMergesTagsKeepingOldAddresses() {
        Section section = newsroom.section("Politics");
        String first = Newsroom.unique("Budget Row");
        String second = Newsroom.unique("Budget Dispute");
        ArticleSummary a = newsroom.article(section, author).tags(first).publish();
        ArticleSummary b = newsroom.article(section, author).tags(second).publish();
        long firstId = tagId(first);
        long secondId = tagId(second);
        String renamed = Newsroom.unique("Budget Standoff");

        assertThat(editor.post("/admin/tags/" + firstId, "name", renamed, "slug", "")
                        .status())
                .isEqualTo(302);
        Http.Response oldTag = http.get("/tag/" + Slugs.from(first));
        assertThat(oldTag.status()).isEqualTo(301);
        assertThat(oldTag.location()).isEqualTo("/tag/" + Slugs.from(renamed));

        assertThat(editor.post("/admin/tags/" + secondId + "/merge", "into", String.valueOf(firstId))
                        .status())
                .isEqualTo(302);
        Http.Response merged = http.get("/tag/" + Slugs.from(second));
        assertThat(merged.status()).isEqualTo(301);
        assertThat(http.get(merged.location())
                        .page()
                        .select(".card__headline a")
                        .eachAttr("href"))
                .containsExactlyInAnyOrder(a.url(), b.url());
        assertThat(auditCount("tag.merged")).isPositive();

        // A story saved later with the merged tag's old name joins the merged tag; the old one does not return.
        ArticleSummary c = newsroom.article(section, author).tags(second).publish();
        assertThat(http.get("/tag/" + Slugs.from(second)).status()).isEqualTo(301);
        assertThat(http.get("/tag/" + Slugs.from(renamed))
                        .page()
                        .select(".card__headline a")
                        .eachAttr("href"))
                .contains(c.url());
    }

    private long tagId(String name) {
        return database.jdbc()
                .sql("SELECT id FROM tag WHERE slug = ?")
                .param(Slugs.from(name))
                .query(Long.class)
                .single();
    }

    private int auditCount(String action) {
        return database.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE action = ?")
                .param(action)
                .query(Integer.class)
                .single();
    }
}
