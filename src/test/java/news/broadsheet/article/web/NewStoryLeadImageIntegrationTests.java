package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import news.broadsheet.account.Role;
import news.broadsheet.author.Author;
import news.broadsheet.media.TestImages;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A new story's lead image is chosen in the editor's one form and saved with the draft. */
@IntegrationTest
class NewStoryLeadImageIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    Section section;
    Author author;
    StaffClient reporter;

    @BeforeEach
    void setUp() {
        section = newsroom.section("Science");
        author = newsroom.author("Ines Ward");
        reporter = StaffClient.signIn(http, newsroom.staff(Role.REPORTER).username(), Newsroom.PASSWORD);
    }

    @Test
    void theNewStoryFormOffersTheLeadImageAndSendsFiles() {
        Document page = reporter.get("/admin/articles/new").page();

        Element form = page.selectFirst("form#story-form");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("input[type=file][name=image]")).hasSize(1);
        assertThat(form.select("input[name=altText], input[name=caption], input[name=credit]"))
                .hasSize(3);
    }

    @Test
    void savesTheDraftAndItsLeadImageInOneStep() throws IOException {
        Http.Response response = reporter.upload(
                "/admin/articles",
                story("Comet seen over the hills", "A comet over a dark hillside"),
                "image",
                "comet.jpg",
                "image/jpeg",
                jpeg(1600, 900));

        assertThat(response.status()).isEqualTo(302);
        String edit = response.location();
        assertThat(edit).matches("/admin/articles/\\d+/edit\\?done=created");
        Element image = reporter.get(edit).page().selectFirst(".editor__image figure img");
        assertThat(image).as("the lead image on the saved draft").isNotNull();
        assertThat(image.attr("alt")).isEqualTo("A comet over a dark hillside");
        Document preview = reporter.get(edit.replaceAll("/edit.*$", "/preview")).page();
        assertThat(preview.selectFirst("figure.story__image img").attr("alt"))
                .isEqualTo("A comet over a dark hillside");
        assertThat(preview.selectFirst("figure.story__image figcaption").text())
                .isEqualTo("The comet at dusk Photo: A. Reader");
    }

    @Test
    void aRefusedImageSavesNothingAndKeepsEverythingTyped() {
        int stories = database.count("article");
        int images = database.count("image");

        Http.Response response = reporter.upload(
                "/admin/articles",
                story("Comet seen over the hills", "A comet over a dark hillside"),
                "image",
                "comet.jpg",
                "image/jpeg",
                "<html>not a picture</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(422);
        Document page = response.page();
        assertThat(page.selectFirst("#image-error").text()).contains("not a JPEG, PNG, WebP or GIF");
        assertThat(page.selectFirst("#image").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("[role=alert]").text()).contains("Nothing was saved");
        assertThat(page.selectFirst("#headline").val()).startsWith("Comet seen over the hills");
        assertThat(page.selectFirst("#body").val()).isEqualTo("The comet passed at dusk.");
        assertThat(page.selectFirst("#sectionId option[selected]").val()).isEqualTo(String.valueOf(section.id()));
        assertThat(page.selectFirst("#altText").val()).isEqualTo("A comet over a dark hillside");
        assertThat(page.selectFirst("#caption").val()).isEqualTo("The comet at dusk");
        assertThat(page.selectFirst("#credit").val()).isEqualTo("Photo: A. Reader");
        assertThat(database.count("article")).isEqualTo(stories);
        assertThat(database.count("image")).isEqualTo(images);
    }

    @Test
    void anAcceptedImageIsKeptWhileTheStoryIsCorrected() throws IOException {
        Map<String, String> noSection = story("Comet seen over the hills", "A comet over a dark hillside");
        noSection.put("sectionId", "");

        Http.Response refused =
                reporter.upload("/admin/articles", noSection, "image", "comet.jpg", "image/jpeg", jpeg(1200, 800));

        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.page();
        assertThat(page.select(".field-error").eachText()).contains("Choose a section.");
        String kept = page.selectFirst("input[name=leadImageId]").val();
        assertThat(page.selectFirst(".editor__kept-image img").attr("alt")).isEqualTo("A comet over a dark hillside");

        Http.Response saved = reporter.post(
                "/admin/articles",
                "headline",
                Newsroom.unique("Comet seen over the hills"),
                "body",
                "The comet passed at dusk.",
                "sectionId",
                String.valueOf(section.id()),
                "authorIds",
                String.valueOf(author.id()),
                "leadImageId",
                kept,
                "intent",
                "save");

        assertThat(saved.status()).isEqualTo(302);
        assertThat(reporter.get(saved.location())
                        .page()
                        .selectFirst(".editor__image figure img")
                        .attr("alt"))
                .isEqualTo("A comet over a dark hillside");
    }

    @Test
    void anImageSomeoneElseUploadedCannotBeClaimedById() throws IOException {
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        Map<String, String> noSection = story("Embargoed photo", "An unpublished photo");
        noSection.put("sectionId", "");
        String theirs = editor.upload("/admin/articles", noSection, "image", "a.jpg", "image/jpeg", jpeg(800, 600))
                .page()
                .selectFirst("input[name=leadImageId]")
                .val();

        Http.Response saved = reporter.post(
                "/admin/articles",
                "headline",
                Newsroom.unique("My story"),
                "sectionId",
                String.valueOf(section.id()),
                "authorIds",
                String.valueOf(author.id()),
                "leadImageId",
                theirs,
                "intent",
                "save");

        assertThat(saved.status()).isEqualTo(302);
        assertThat(reporter.get(saved.location()).page().select(".editor__image figure"))
                .isEmpty();
    }

    @Test
    void imageWordsWithoutAFileAreAQuestionNotASilentLoss() {
        Http.Response response = reporter.post(
                "/admin/articles",
                "headline",
                Newsroom.unique("Comet seen over the hills"),
                "sectionId",
                String.valueOf(section.id()),
                "authorIds",
                String.valueOf(author.id()),
                "altText",
                "A comet over a dark hillside",
                "intent",
                "save");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.page().selectFirst("#image-error").text()).contains("Choose the image file");
        assertThat(response.page().selectFirst("#altText").val()).isEqualTo("A comet over a dark hillside");
    }

    private Map<String, String> story(String headline, String altText) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", Newsroom.unique(headline));
        fields.put("standfirst", "A standfirst.");
        fields.put("body", "The comet passed at dusk.");
        fields.put("sectionId", String.valueOf(section.id()));
        fields.put("authorIds", String.valueOf(author.id()));
        fields.put("commentsOpen", "on");
        fields.put("version", "0");
        fields.put("altText", altText);
        fields.put("caption", "The comet at dusk");
        fields.put("credit", "Photo: A. Reader");
        fields.put("intent", "save");
        return fields;
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(TestImages.picture(width, height), "jpg", out);
        return out.toByteArray();
    }
}
