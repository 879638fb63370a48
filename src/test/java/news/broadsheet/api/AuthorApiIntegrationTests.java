package news.broadsheet.api;

import static news.broadsheet.api.ApiReadIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import news.broadsheet.account.Role;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Bylines and sections written through the JSON API with authors:write and sections:write tokens. */
@IntegrationTest
class AuthorApiIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Authors authors;

    @Autowired
    TestDatabaseQueries database;

    String token(Role role, String... scopes) {
        StaffClient staff = StaffClient.signIn(http, newsroom.staff(role).username(), Newsroom.PASSWORD);
        return ApiTokenIntegrationTests.createToken(staff, "bylines", "", scopes);
    }

    Http.Response send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request, path);
    }

    @Test
    void createsAndUpdatesABylineWithEveryField() {
        String token = token(Role.EDITOR, "authors:write");
        String slug = Newsroom.unique("ines-duarte");
        Http.Response created = send("POST", "/api/v1/authors", token, """
                {"name": "Inês Duarte", "slug": "%s", "jobTitle": "Science editor",
                 "bio": "Writes about *oceans*.", "email": "ines@example.org",
                 "website": "https://example.org/ines", "profiles": ["https://social.example/@ines"]}""".formatted(slug));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/author/" + slug);
        JsonNode body = ApiReadIntegrationTests.JSON.readTree(created.body());
        assertThat(body.path("name").asString()).isEqualTo("Inês Duarte");
        assertThat(body.path("jobTitle").asString()).isEqualTo("Science editor");
        assertThat(body.path("bioHtml").asString()).contains("<em>oceans</em>");
        assertThat(body.path("sameAs").values())
                .extracting(JsonNode::asString)
                .containsExactly("https://example.org/ines", "https://social.example/@ines");
        assertThat(body.path("retired").asBoolean()).isFalse();
        long id = body.path("id").asLong();

        Http.Response updated =
                send("PATCH", "/api/v1/authors/" + id, token, "{\"jobTitle\": \"Deputy editor\", \"retired\": true}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode saved = ApiReadIntegrationTests.JSON.readTree(updated.body());
        assertThat(saved.path("jobTitle").asString()).isEqualTo("Deputy editor");
        assertThat(saved.path("email").asString()).isEqualTo("ines@example.org");
        assertThat(saved.path("retired").asBoolean()).isTrue();
        Author stored = authors.byId(id).orElseThrow();
        assertThat(stored.jobTitle()).isEqualTo("Deputy editor");
        assertThat(stored.retired()).isTrue();

        JsonNode listed = ApiReadIntegrationTests.JSON.readTree(
                http.get("/api/v1/authors").body());
        assertThat(listed.path("items").values())
                .filteredOn(a -> a.path("id").asLong() == id)
                .singleElement()
                .satisfies(a -> assertThat(a.path("jobTitle").asString()).isEqualTo("Deputy editor"));
        assertThat(database.jdbc()
                        .sql(
                                "SELECT action FROM audit_event WHERE subject_type = 'author' AND subject_id = ? ORDER BY id")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("author.created", "author.updated", "author.retired");
    }

    @Test
    void refusesWithProblemDetails() {
        String token = token(Role.EDITOR, "authors:write");
        assertProblem(send("POST", "/api/v1/authors", null, "{\"name\": \"No Token\"}"), 401);
        assertProblem(send("POST", "/api/v1/authors", token(Role.EDITOR, "articles:write"), "{\"name\": \"X\"}"), 403);
        assertProblem(
                send("POST", "/api/v1/authors", token(Role.REPORTER, "articles:write"), "{\"name\": \"X\"}"), 403);

        Http.Response invalid = send(
                "POST",
                "/api/v1/authors",
                token,
                "{\"name\": \"Bad Fields\", \"email\": \"nope\", \"website\": \"ftp://x\"}");
        assertProblem(invalid, 422);
        assertThat(ApiReadIntegrationTests.JSON
                        .readTree(invalid.body())
                        .path("errors")
                        .values())
                .extracting(e -> e.path("field").asString())
                .containsExactlyInAnyOrder("email", "website");
        assertProblem(send("POST", "/api/v1/authors", token, "{\"jobTitle\": \"Nameless\"}"), 422);
        assertProblem(send("POST", "/api/v1/authors", token, "{\"name\": \"Broken"), 400);
        assertProblem(send("PATCH", "/api/v1/authors/999999999", token, "{\"name\": \"Ghost\"}"), 404);
        assertProblem(send("PATCH", "/api/v1/authors/abc", token, "{\"name\": \"Ghost\"}"), 404);
        assertProblem(send("POST", "/api/v1/authors", token, "{\"name\": \"Ghost\", \"imageId\": 999999}"), 422);
        assertThat(authors.all())
                .noneMatch(a -> a.name().equals("Bad Fields") || a.name().equals("Ghost"));
    }

    @Test
    void createsSectionsWithTheSectionsScope() {
        String token = token(Role.ADMIN, "sections:write");
        String slug = Newsroom.unique("waterfront");
        Http.Response created =
                send("POST", "/api/v1/sections", token, "{\"name\": \"Waterfront\", \"slug\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/" + slug);
        Http.Response child =
                send("POST", "/api/v1/sections", token, "{\"name\": \"Ferries\", \"parent\": \"" + slug + "\"}");
        assertThat(child.status()).as(child.body()).isEqualTo(201);
        assertThat(ApiReadIntegrationTests.JSON
                        .readTree(child.body())
                        .path("path")
                        .asString())
                .isEqualTo(slug + "/ferries");
        assertThat(http.get("/" + slug + "/ferries").status()).isEqualTo(200);

        assertProblem(send("POST", "/api/v1/sections", token, "{\"name\": \"Admin\", \"slug\": \"admin\"}"), 422);
        assertProblem(send("POST", "/api/v1/sections", token, "{\"name\": \"Lost\", \"parent\": \"no/such\"}"), 422);
        assertProblem(send("POST", "/api/v1/sections", token, "{\"slug\": \"nameless\"}"), 422);
        assertProblem(
                send("POST", "/api/v1/sections", token(Role.EDITOR, "authors:write"), "{\"name\": \"Nope\"}"), 403);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'section.created' AND subject_id = ?")
                        .param(ApiReadIntegrationTests.JSON
                                .readTree(created.body())
                                .path("id")
                                .asLong())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
