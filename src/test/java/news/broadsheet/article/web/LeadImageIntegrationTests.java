package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Lead images: uploaded in the editor, checked, and shown on the story and in lists. */
@IntegrationTest(properties = "broadsheet.media.max-image-size=300KB")
class LeadImageIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    Section section;
    Author author;
    StaffClient editor;

    @BeforeEach
    void setUp() {
        section = newsroom.section("Science");
        author = newsroom.author("Ines Ward");
        editor = StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
    }

    @Test
    void showsAnUploadedLeadImageOnTheStoryAndInLists() throws IOException {
        ArticleSummary story = newsroom.article(section, author).publish();

        Http.Response upload = editor.upload(
                imageUrl(story),
                Map.of(
                        "altText",
                        "A comet over a dark hillside",
                        "caption",
                        "The comet at dusk",
                        "credit",
                        "Photo: A. Reader"),
                "image",
                "comet.jpg",
                "image/jpeg",
                jpeg(1600, 900));

        assertThat(upload.status()).isEqualTo(302);
        Document page = http.get(story.url()).page();
        Element image = page.selectFirst("figure.story__image img");
        assertThat(image.attr("alt")).isEqualTo("A comet over a dark hillside");
        assertThat(image.attr("srcset")).contains("480w", "960w", "1440w", "1600w");
        assertThat(page.selectFirst("figure.story__image figcaption").text())
                .isEqualTo("The comet at dusk Photo: A. Reader");
        assertThat(http.get(image.attr("src")).header("Content-Type")).isEqualTo("image/jpeg");
        Element thumbnail = http.get(section.url()).page().selectFirst(".card img.card__image");
        assertThat(thumbnail.attr("sizes"))
                .as("a listing's thumbnail is 7rem wide at every width")
                .isEqualTo("7rem");
        assertThat(http.get("/").page().select(".card img.card__image").eachAttr("sizes"))
                .as("the front page's pictures are wider than a thumbnail on wide screens")
                .isNotEmpty()
                .allMatch(sizes -> sizes.startsWith("(min-width: 64rem) "));
    }

    @Test
    void refusesAFileThatIsNotAnImageWhateverItsName() {
        ArticleSummary story = newsroom.article(section, author).publish();

        Http.Response response = editor.upload(
                imageUrl(story),
                Map.of("altText", "Looks like a photo"),
                "image",
                "photo.jpg",
                "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.page().selectFirst("#image-error").text()).contains("not a JPEG, PNG, WebP or GIF");
        assertThat(http.get(story.url()).page().select("figure.story__image")).isEmpty();
    }

    @Test
    void refusesAnImageOverTheSizeLimit() throws IOException {
        ArticleSummary story = newsroom.article(section, author).publish();
        byte[] noisy = noisyPng(700, 700);
        assertThat(noisy.length).isGreaterThan(300 * 1024);

        Http.Response response =
                editor.upload(imageUrl(story), Map.of("altText", "Static"), "image", "noise.png", "image/png", noisy);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.page().selectFirst("#image-error").text()).contains("at most 300 KB");
    }

    @Test
    void refusesAnImageWithoutAltText() throws IOException {
        ArticleSummary story = newsroom.article(section, author).publish();

        Http.Response response = editor.upload(
                imageUrl(story), Map.of("altText", "  "), "image", "ok.jpg", "image/jpeg", jpeg(800, 600));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.page().selectFirst("#altText-error").text()).contains("alt text");
    }

    @Test
    void letsOnlyThoseWhoMayEditTheStoryUpload() throws IOException {
        ArticleSummary story = newsroom.article(section, author).publish();
        StaffClient reporter =
                StaffClient.signIn(http, newsroom.staff(Role.REPORTER).username(), Newsroom.PASSWORD);
        StaffClient moderator =
                StaffClient.signIn(http, newsroom.staff(Role.MODERATOR).username(), Newsroom.PASSWORD);

        assertThat(reporter.upload(
                                imageUrl(story), Map.of("altText", "x"), "image", "a.jpg", "image/jpeg", jpeg(100, 100))
                        .status())
                .as("a story the reporter is not on is not theirs to see")
                .isEqualTo(404);
        assertThat(moderator
                        .upload(imageUrl(story), Map.of("altText", "x"), "image", "a.jpg", "image/jpeg", jpeg(100, 100))
                        .status())
                .isEqualTo(403);
    }

    private String imageUrl(ArticleSummary story) {
        return "/admin/articles/" + story.id() + "/image";
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 30, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 3, height / 4, width / 6, height / 6);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static byte[] noisyPng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
