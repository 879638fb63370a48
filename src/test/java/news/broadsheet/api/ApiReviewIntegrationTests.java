package news.broadsheet.api;

import static news.broadsheet.api.ApiReadIntegrationTests.assertProblem;
import static news.broadsheet.api.ApiReadIntegrationTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.author.Author;
import news.broadsheet.media.ImageUpload;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The defects a review of the JSON API found, each seen through real HTTP. */
@IntegrationTest
class ApiReviewIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    MediaLibrary media;

    String editorToken() {
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        return ApiTokenIntegrationTests.createToken(editor, "review", "", "articles:write", "comments:write");
    }

    static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    String rawGet(String target) throws Exception {
        URI base = URI.create(http.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void listsOnlyTagsOfLiveStoriesAndPagesThroughThem() {
        Section section = newsroom.section("Tag desk");
        Author author = newsroom.author("Tess Tagger");
        String prefix = Newsroom.unique("review");
        List<String> live = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
        newsroom.article(section, author).tags(live.get(0), live.get(1)).create();
        newsroom.article(section, author).tags(live.get(1), live.get(2)).create();
        newsroom.article(section, author)
                .tags(prefix + "-scheduled")
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(clock.instant().plus(Duration.ofDays(2)))
                .create();
        newsroom.article(section, author)
                .tags(prefix + "-draft")
                .status(ArticleStatus.DRAFT)
                .create();
        long embargoed =
                newsroom.article(section, author).tags(prefix + "-embargoed").create();
        database.jdbc()
                .sql("UPDATE article SET embargo_until = ? WHERE id = ?")
                .params(clock.instant().plus(Duration.ofDays(1)).toEpochMilli(), embargoed)
                .update();
        long expired =
                newsroom.article(section, author).tags(prefix + "-expired").create();
        database.jdbc()
                .sql("UPDATE article SET expires_at = ? WHERE id = ?")
                .params(clock.instant().minus(Duration.ofMinutes(1)).toEpochMilli(), expired)
                .update();

        List<String> seen = new ArrayList<>();
        String next = "/api/v1/tags?limit=1";
        int pages = 0;
        while (next != null) {
            Http.Response response = http.get(next);
            assertThat(response.status()).as(next).isEqualTo(200);
            JsonNode page = json(response);
            assertThat(page.path("items").size()).isLessThanOrEqualTo(1);
            page.path("items")
                    .values()
                    .forEach(item -> seen.add(item.path("slug").asString()));
            next = page.path("links").path("next").isNull()
                    ? null
                    : path(page.path("links").path("next").asString());
            pages++;
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(slug -> slug.startsWith(prefix)).toList())
                .containsExactlyElementsOf(live);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void answersOutOfRangeTimesAndMalformedParametersWithBadRequest() throws Exception {
        for (String path : List.of(
                "/api/v1/articles?until=%2B999999999-12-31T23:59:59Z",
                "/api/v1/articles?since=-999999999-01-01T00:00:00Z", "/api/v1/articles?since=%2B10000-01-01")) {
            assertProblem(http.get(path), 400);
        }
        // java.net.URI refuses to send a malformed escape, so this one goes over a plain socket.
        String raw = rawGet("/api/v1/articles?cursor=%%%");
        assertThat(raw).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(raw).doesNotContain("Exception");
        assertThat(http.get("/api/v1/articles?since=0001-01-01&until=9999-12-31")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesATokenExpiryBeyondTheCalendarWithTheFormKept() {
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        Http.Response response = editor.post(
                "/admin/tokens", "name", "far future", "expiresOn", "+999999999-12-31", "scopes", "articles:write");
        assertThat(response.status()).isIn(400, 422);
        assertThat(response.body()).contains("YYYY-MM-DD");
        assertThat(response.page().selectFirst("input[name=expiresOn]").val()).isEqualTo("+999999999-12-31");
        assertThat(response.page().selectFirst("input[name=name]").val()).isEqualTo("far future");
    }

    @Test
    void neverAnswersAnUpdateTimeBeforeThePublicationTime() {
        Section section = newsroom.section("Clock desk");
        Author author = newsroom.author("Tim Keeper");
        Instant published = clock.instant().minus(Duration.ofHours(1));
        long id = newsroom.article(section, author)
                .publishedAt(published)
                .updatedAt(published.minus(Duration.ofDays(3)))
                .create();
        JsonNode detail = json(http.get("/api/v1/articles/" + id));
        assertThat(detail.path("updatedAt").asString()).isEqualTo(published.toString());
        JsonNode list = json(http.get("/api/v1/articles?section=" + section.path()));
        assertThat(list.path("items").get(0).path("updatedAt").asString()).isEqualTo(published.toString());
    }

    @Test
    void answersNotAcceptableToAProblemOnlyAcceptHeaderOnEveryJsonGet() {
        Section section = newsroom.section("Accept desk");
        long id = newsroom.article(section, newsroom.author("Ada Accept")).create();
        for (String path : List.of(
                "/api/v1/articles",
                "/api/v1/articles/" + id,
                "/api/v1/articles/" + id + "/comments",
                "/api/v1/sections",
                "/api/v1/tags",
                "/api/v1/authors",
                "/api/v1/openapi.json")) {
            for (String accept : List.of("application/problem+json", "application/xml")) {
                Http.Response response = http.send(
                        HttpRequest.newBuilder().header("Accept", accept).GET(), path);
                assertProblem(response, 406);
            }
            Http.Response json = http.send(
                    HttpRequest.newBuilder()
                            .header("Accept", "application/json")
                            .GET(),
                    path);
            assertThat(json.status()).as(path).isEqualTo(200);
            assertThat(json.header("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void nextLinksKeepAPlusInAParameter() {
        Section section = newsroom.section("Plus desk");
        Author author = newsroom.author("Pia Plus");
        newsroom.article(section, author).create();
        newsroom.article(section, author).create();
        Http.Response first =
                http.get("/api/v1/articles?limit=1&section=" + section.path() + "&since=2000-01-01T00:00:00%2B01:00");
        assertThat(first.status()).isEqualTo(200);
        String next = json(first).path("links").path("next").asString();
        assertThat(next).contains("since=2000-01-01T00:00:00%2B01:00");
        Http.Response second = http.get(path(next));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(json(second).path("items").size()).isEqualTo(1);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWithContentTooLarge() {
        String token = editorToken();
        byte[] big = ("{\"headline\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher chunked =
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(big));
        Http.Response response = http.send(
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(chunked),
                "/api/v1/articles");
        assertProblem(response, 413);
    }

    @Test
    void answersRejectedAddressesUnderApiWithProblemDetails() {
        for (String path : List.of(
                "/api/v1/articles/by-slug/a;b",
                "/api/v1/%2e%2e/admin",
                "/api/v1/articles/by-slug/%FF",
                "/api/v1/articles/by-slug/" + "a".repeat(9_000))) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(response.header("Content-Type"))
                    .as(path + " " + response.status() + " "
                            + response.body()
                                    .substring(0, Math.min(300, response.body().length())))
                    .startsWith("application/problem+json");
            assertThat(json(response).path("status").asInt()).isEqualTo(response.status());
        }
        // Elsewhere the site's own page still answers.
        Http.Response site = http.get("/news/a;b");
        assertThat(site.status()).isEqualTo(400);
        assertThat(site.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void givesAbsoluteImageAddressesInEverySrcsetEntry() throws Exception {
        BufferedImage picture = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", jpeg);
        StoredImage image = media.store(new ImageUpload("lead.jpg", jpeg.toByteArray(), "A lead", "", ""), 1);
        Section section = newsroom.section("Picture desk");
        long id = newsroom.article(section, newsroom.author("Pic Taker")).create();
        database.jdbc()
                .sql("UPDATE article SET lead_image_id = ? WHERE id = ?")
                .params(image.id(), id)
                .update();
        for (JsonNode lead : List.of(
                json(http.get("/api/v1/articles/" + id)).path("leadImage"),
                json(http.get("/api/v1/articles?section=" + section.path()))
                        .path("items")
                        .get(0)
                        .path("leadImage"))) {
            assertThat(lead.path("url").asString()).startsWith("http");
            String[] entries = lead.path("srcset").asString().split(", ");
            assertThat(entries).isNotEmpty();
            for (String entry : entries) {
                assertThat(entry).startsWith("http").matches("\\S+ \\d+w");
            }
        }
    }

    @Test
    void answersMethodNotAllowedWithoutAToken() {
        Http.Response response = http.request("DELETE", "/api/v1/articles/1");
        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("GET").contains("PATCH");
    }

    @Test
    void answersPreconditionFailedToALongVersionInIfMatch() {
        String token = editorToken();
        Section section = newsroom.section("Version desk");
        Author author = newsroom.author("Val Version");
        Http.Response created = http.send(
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"headline\":\"Versions\",\"standfirst\":\"Short.\","
                                        + "\"body\":\"Text.\",\"section\":\"" + section.path()
                                        + "\",\"authorSlugs\":[\""
                                        + author.slug() + "\"]}")),
                "/api/v1/articles");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = json(created).path("id").asLong();
        Http.Response response = http.send(
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .header("If-Match", "\"99999999999\"")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"headline\":\"Changed\"}")),
                "/api/v1/articles/" + id);
        assertProblem(response, 412);
    }
}
