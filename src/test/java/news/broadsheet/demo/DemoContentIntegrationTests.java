package news.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest(properties = "broadsheet.demo-content.enabled=true")
class DemoContentIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    DemoContentLoader loader;

    @Test
    void loadsTheDemoNewsroomOnFirstStart() {
        Document home = http.get("/").page();

        assertThat(home.select("nav.sections-nav a"))
                .extracting(Element::text)
                .containsExactly("World", "Politics", "Business", "Technology", "Science");
        assertThat(database.count("article")).isGreaterThanOrEqualTo(12);
        assertThat(http.get("/world/defense").page().select("nav.trail a"))
                .extracting(Element::text)
                .containsExactly("World", "Defense");
        assertThat(http.get("/world/europe").status()).isEqualTo(200);
    }

    @Test
    void footerLinksTheDemoPages() {
        assertThat(http.get("/").page().select("footer.site-footer a"))
                .extracting(Element::text)
                .startsWith("About Broadsheet", "Contact us", "Corrections policy", "Privacy", "Terms of use");
        Document about = http.get("/about").page();
        assertThat(about.select("main h1").text()).isEqualTo("About Broadsheet");
        assertThat(about.select("main h2").text()).isEqualTo("How we are funded");
    }

    @Test
    void everyDemoStoryHasADrawnPictureThatIsServed() {
        Document home = http.get("/").page();
        Element lead = home.selectFirst(".lead img");
        assertThat(lead).as("the lead story's picture").isNotNull();
        assertThat(lead.attr("alt")).startsWith("An illustration: layered hills under ");
        assertThat(http.get(lead.attr("src")).status()).isEqualTo(200);
        assertThat(database.count("image")).isEqualTo(database.count("article"));
        Document story = http.get(home.selectFirst(".lead .card__headline a").attr("href"))
                .page();
        assertThat(story.select(".story__image figcaption").text()).contains("Illustration: Broadsheet demo");
    }

    @Test
    void leadStoryIsADefenseStoryWithoutComments() {
        String leadUrl =
                http.get("/").page().selectFirst(".lead .card__headline a").attr("href");
        assertThat(leadUrl).startsWith("/world/defense/");

        Document lead = http.get(leadUrl).page();

        assertThat(lead.select(".story__body p").size()).isGreaterThanOrEqualTo(8);
        assertThat(lead.selectFirst(".story__body").text()).as("quotes").containsAnyOf("\"", "\u201c");
        assertThat(lead.selectFirst(".comments__empty").text()).isEqualTo("No comments available for this post.");
        assertThat(lead.selectFirst("#comment-form h2").text()).isEqualTo("Leave a Comment");
    }

    @Test
    void someStoriesCarryThreadedApprovedComments() {
        int nested = database.jdbc()
                .sql("SELECT COUNT(*) FROM comment c JOIN comment p ON c.parent_id = p.id"
                        + " WHERE p.parent_id IS NOT NULL AND c.status = 'approved'")
                .query(Integer.class)
                .single();
        List<Long> commented = database.jdbc()
                .sql("SELECT DISTINCT article_id FROM comment WHERE status = 'approved'")
                .query(Long.class)
                .list();

        assertThat(nested).as("replies to replies").isPositive();
        assertThat(commented.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void loadsOnlyIntoAnEmptyDatabase() throws Exception {
        int before = database.count("article");

        loader.loadIfWanted();

        assertThat(database.count("article")).isEqualTo(before);
    }

    @Autowired
    DemoNewsroomRemoval removal;

    @Test
    void recordsWhatItLoadedAndRecognisesADemoLoadedBeforeThatRecordExisted() {
        DemoNewsroomRemoval.DemoInventory recorded = removal.inventory();
        assertThat(recorded.present()).isTrue();
        assertThat(recorded.stories()).hasSize(database.count("article"));
        assertThat(recorded.authors()).hasSize(database.count("author"));
        assertThat(recorded.sections())
                .extracting(DemoNewsroomRemoval.DemoInventory.Item::name)
                .contains("World (/world)", "Defense (/world/defense)", "Science (/science)")
                .hasSize(database.count("section"));

        // A database filled before V24 has no record (and no demo pages, which came later): the demo is
        // recognised by its stories' slugs and headlines.
        database.jdbc().sql("DELETE FROM demo_item").update();

        assertThat(removal.inventory())
                .usingRecursiveComparison()
                .ignoringFields("pages")
                .isEqualTo(recorded);
    }
}
