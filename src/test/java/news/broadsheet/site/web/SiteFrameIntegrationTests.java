package news.broadsheet.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class SiteFrameIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    @Test
    void loadsNoDemoContentWhenTurnedOff() {
        // Test contexts run with broadsheet.demo-content.enabled=false.
        assertThat(http.get("/world/defense").status()).isEqualTo(404);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM section WHERE path = 'world'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void sendsStrictContentSecurityPolicyAndHardeningHeaders() {
        Http.Response response = http.get("/");

        assertThat(response.header("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void pagesCarryNoInlineScriptsStylesOrHandlers() {
        Document page = http.get("/").page();

        // schema.org data blocks are not scripts: browsers never run them, and CSP does not apply to them.
        assertThat(page.select("script:not([src]):not([type=application/ld+json])"))
                .isEmpty();
        assertThat(page.select("style")).isEmpty();
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.getAllElements().stream()
                        .flatMap(e -> e.attributes().asList().stream())
                        .filter(a -> a.getKey().startsWith("on")))
                .isEmpty();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(page.select("main#content")).hasSize(1);
    }

    @Test
    void servesStylesheetUnderContentHashedNameCachedForAYear() {
        String href = http.get("/").page().selectFirst("link[rel=stylesheet]").attr("href");

        assertThat(href).matches("/assets/css/site-[0-9a-f]{32}\\.css");
        Http.Response css = http.get(href);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.header("Cache-Control")).contains("max-age=31536000", "immutable");
        assertThat(http.get("/assets/css/site.css").status())
                .as("unhashed name")
                .isEqualTo(404);
    }

    @Test
    void servesAnAssetsBytesAgainAndAgainWithRangesAndNotModified() throws java.io.IOException {
        String href = http.get("/").page().selectFirst("link[rel=stylesheet]").attr("href");
        byte[] file;
        try (var in = getClass().getResourceAsStream("/static/css/site.css")) {
            file = in.readAllBytes();
        }

        // Kept in memory after the first answer: the second and third are the same bytes.
        for (int time = 0; time < 3; time++) {
            assertThat(http.bytes(href)).as("answer " + time).isEqualTo(file);
        }
        Http.Response css = http.get(href);
        assertThat(css.header("Content-Length")).isEqualTo(String.valueOf(file.length));
        String lastModified = css.header("Last-Modified");
        assertThat(lastModified).isNotBlank();

        Http.Response part = http.send(java.net.http.HttpRequest.newBuilder().header("Range", "bytes=0-99"), href);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(new String(file, 0, 100, java.nio.charset.StandardCharsets.UTF_8));
        Http.Response unchanged =
                http.send(java.net.http.HttpRequest.newBuilder().header("If-Modified-Since", lastModified), href);
        assertThat(unchanged.status()).isEqualTo(304);
    }

    @Test
    void revalidatesAnAssetByItsETag() {
        String href = http.get("/").page().selectFirst("link[rel=stylesheet]").attr("href");
        String etag = http.get(href).header("ETag");
        assertThat(etag).isNotBlank();

        Http.Response unchanged =
                http.send(java.net.http.HttpRequest.newBuilder().header("If-None-Match", etag), href);
        assertThat(unchanged.status()).as("the tag the browser holds").isEqualTo(304);
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertThat(unchanged.body()).isEmpty();
        Http.Response other =
                http.send(java.net.http.HttpRequest.newBuilder().header("If-None-Match", "\"an-older-tag\""), href);
        assertThat(other.status()).as("another tag").isEqualTo(200);
        assertThat(other.header("ETag")).isEqualTo(etag);
    }

    @Test
    void rendersFriendlyErrorPagesWithoutTechnicalDetail() {
        Http.Response missing = http.get("/no/such/page/anywhere");
        Http.Response wrongMethod = http.request("DELETE", "/");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.page().selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(missing.page().selectFirst("a[href=/]")).isNotNull();
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.page().selectFirst("h1").text()).isEqualTo("Not allowed here");
    }
}
