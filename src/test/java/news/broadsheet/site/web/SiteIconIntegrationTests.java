package news.broadsheet.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The site icon, the web app manifest, and gzip for every kind of text the site serves. */
@IntegrationTest(
        properties = {
            "broadsheet.comments.moderation=post",
            "broadsheet.site.base-url=https://news.example",
            "broadsheet.site.name=The Daily Test",
            "broadsheet.site.time-zone=Europe/Lisbon"
        })
class SiteIconIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void faviconIsARealIconFileCachedForAWeek() throws Exception {
        HttpResponse<byte[]> response = getBytes("/favicon.ico", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=604800", "public");
        ByteBuffer ico = ByteBuffer.wrap(response.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).as("reserved").isZero();
        assertThat(ico.getShort(2)).as("type: icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        assertThat(count).isEqualTo(3);
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int size = Byte.toUnsignedInt(ico.get(entry));
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            byte[] png = Arrays.copyOfRange(response.body(), offset, offset + length);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("entry " + i + " decodes").isNotNull();
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
            assertThat(image.getRGB(size / 2, size / 2) >>> 24)
                    .as("opaque in the middle")
                    .isEqualTo(255);
        }
        assertThat(List.of(ico.get(6), ico.get(22), ico.get(38))).containsExactly((byte) 16, (byte) 32, (byte) 48);
    }

    @Test
    void manifestNamesTheSiteAndListsIconsThatAnswer() throws Exception {
        Http.Response response = http.get("/site.webmanifest");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/manifest+json");
        assertThat(response.header("Cache-Control")).contains("max-age=86400");
        JsonNode manifest = json.readTree(response.body());
        assertThat(manifest.get("name").asString()).isEqualTo("The Daily Test");
        assertThat(manifest.get("short_name").asString()).isEqualTo("The Daily Test");
        assertThat(manifest.get("start_url").asString()).isEqualTo("/");
        assertThat(manifest.get("icons")
                        .valueStream()
                        .map(icon -> icon.get("sizes").asString()))
                .containsExactly("any", "192x192", "512x512");
        for (JsonNode icon : manifest.get("icons")) {
            HttpResponse<byte[]> image = getBytes(icon.get("src").asString(), false);
            assertThat(image.statusCode()).as(icon.toString()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith(icon.get("type").asString());
            if (icon.get("type").asString().equals("image/png")) {
                int size = Integer.parseInt(icon.get("sizes").asString().split("x")[0]);
                assertThat(ImageIO.read(new ByteArrayInputStream(image.body())).getWidth())
                        .isEqualTo(size);
            }
        }
    }

    @Test
    void everyPublicPageLinksTheIconsAndTheManifest() {
        Section section = newsroom.section("World");
        ArticleSummary story =
                newsroom.article(section, newsroom.author("Ines Navarro")).publish();
        for (String path : List.of("/", section.url(), story.url(), "/search?q=harbour", "/login", "/no/such/page")) {
            Document page = http.get(path).page();
            assertThat(page.select("link[rel=manifest]").attr("href")).as(path).isEqualTo("/site.webmanifest");
            assertThat(page.select("link[rel=icon]").eachAttr("href"))
                    .as(path)
                    .hasSize(2)
                    .contains("/favicon.ico")
                    .anyMatch(href -> href.matches("/assets/img/icon-[0-9a-f]{32}\\.svg"));
            assertThat(page.select("link[rel=apple-touch-icon]").attr("href")).isEqualTo("/apple-touch-icon.png");
        }
        String svg = http.get("/")
                .page()
                .select("link[rel=icon][type=image/svg+xml]")
                .attr("href");
        Http.Response icon = http.get(svg);
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(icon.header("Cache-Control")).contains("max-age=31536000", "immutable");
        assertThat(http.get("/apple-touch-icon.png").status()).isEqualTo(200);
    }

    @Test
    void textResponsesAreGzippedForClientsThatAcceptIt() throws Exception {
        Section section = newsroom.section("Science");
        newsroom.article(section, newsroom.author("Olu Bankole"))
                .body("A paragraph about the tides. ".repeat(200))
                .publish();
        String stylesheet = http.get("/").page().select("link[rel=stylesheet]").attr("href");

        for (String path :
                List.of("/", section.url(), stylesheet, "/feeds/all.atom", "/feeds/all.json", "/feeds/all.rss")) {
            HttpResponse<byte[]> gzipped = getBytes(path, true);
            assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding"))
                    .as(path)
                    .hasValue("gzip");
            assertThat(gzipped.headers().allValues("Vary").toString()).as(path).containsIgnoringCase("accept-encoding");
            byte[] unzipped;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                unzipped = in.readAllBytes();
            }
            HttpResponse<byte[]> plain = getBytes(path, false);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(unzipped.length).as(path).isEqualTo(plain.body().length);
            assertThat(gzipped.body().length).as(path + " is smaller").isLessThan(plain.body().length);
        }
    }

    private HttpResponse<byte[]> getBytes(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
