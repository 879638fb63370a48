package news.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test of "people and bylines", through the API alone: from an empty database with
 * the demo off, the first admin's token creates a section, a byline and a story, publishes it,
 * and the story (in the API and on its page) carries the byline. Only the token itself is made in
 * the newsroom, as every token is.
 */
@IntegrationTest(
        properties = {
            "broadsheet.demo-content.enabled=false",
            "broadsheet.admin.username=chief.api",
            "broadsheet.admin.password=a long passphrase for the api"
        })
class FromEmptyNewsroomApiIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    Http.Response send(String method, String path, String token, String json) {
        return http.send(
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                path);
    }

    static JsonNode json(Http.Response response) {
        return ApiReadIntegrationTests.JSON.readTree(response.body());
    }

    @Test
    void theFirstAdminsTokenPublishesABylinedStory() {
        assertThat(json(http.get("/api/v1/sections")).path("items").isEmpty()).isTrue();
        assertThat(json(http.get("/api/v1/authors")).path("items").isEmpty()).isTrue();
        assertThat(json(http.get("/api/v1/articles")).path("items").isEmpty()).isTrue();
        assertThat(database.count("account")).isOne();

        StaffClient admin = StaffClient.signIn(http, "chief.api", "a long passphrase for the api");
        String token = ApiTokenIntegrationTests.createToken(
                admin, "setup script", "", "sections:write", "authors:write", "articles:write");

        Http.Response section = send("POST", "/api/v1/sections", token, "{\"name\": \"Harbour\"}");
        assertThat(section.status()).as(section.body()).isEqualTo(201);
        assertThat(json(section).path("path").asString()).isEqualTo("harbour");

        Http.Response author = send(
                "POST", "/api/v1/authors", token, "{\"name\": \"Mara Lindqvist\", \"jobTitle\": \"Harbour reporter\"}");
        assertThat(author.status()).as(author.body()).isEqualTo(201);
        long authorId = json(author).path("id").asLong();
        assertThat(json(author).path("slug").asString()).isEqualTo("mara-lindqvist");

        Http.Response draft = send("POST", "/api/v1/articles", token, """
                {"headline": "Ferry timetable changes for the winter", "standfirst": "Fewer crossings from November.",
                 "body": "The harbour office announced the winter timetable today.",
                 "section": "harbour", "authorIds": [%d]}""".formatted(authorId));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        long storyId = json(draft).path("id").asLong();

        Http.Response published = http.send(
                HttpRequest.newBuilder()
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()),
                "/api/v1/articles/" + storyId + "/publish");
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        JsonNode story = json(http.get("/api/v1/articles/" + storyId));
        assertThat(story.path("authors").get(0).path("name").asString()).isEqualTo("Mara Lindqvist");
        assertThat(story.path("authors").get(0).path("jobTitle").asString()).isEqualTo("Harbour reporter");
        String url = story.path("url").asString();
        Document page = http.get(url.substring(url.indexOf("/harbour/"))).page();
        assertThat(page.select("h1").text()).isEqualTo("Ferry timetable changes for the winter");
        assertThat(page.select(".byline a").text()).isEqualTo("Mara Lindqvist");
    }
}
