package news.broadsheet.api;

import static news.broadsheet.api.ApiReadIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ApiTokenIntegrationTests {

    static final JsonMapper JSON = ApiReadIntegrationTests.JSON;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    Section section;
    Author author;

    @BeforeEach
    void newsroom() {
        section = newsroom.section("Api desk");
        author = newsroom.author("Wendy Writer");
    }

    /** Creates a token through the admin screen and returns its secret, read from the page once. */
    static String createToken(StaffClient staff, String name, String expiresOn, String... scopes) {
        return staff.createApiToken(name, expiresOn, scopes);
    }

    StaffClient signIn(Account account) {
        return StaffClient.signIn(http, account.username(), Newsroom.PASSWORD);
    }

    Http.Response send(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request, path);
    }

    Http.Response getWith(String path, String token) {
        return http.send(
                HttpRequest.newBuilder()
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                path);
    }

    String draftJson(String headline) {
        return "{\"headline\":\"" + headline + "\",\"standfirst\":\"Short.\",\"body\":\"Some *text*.\",\"section\":\""
                + section.path() + "\",\"authorSlugs\":[\"" + author.slug() + "\"],\"tags\":[\"Api\"]}";
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void showsTheSecretOnceAndStoresOnlyItsHash() throws Exception {
        Account reporter = newsroom.staff(Role.REPORTER);
        StaffClient staff = signIn(reporter);
        String secret = createToken(staff, "wire importer", "", "articles:write");

        assertThat(secret).matches("bst_[A-Za-z0-9_-]{43}");
        Map<String, Object> row = database.jdbc()
                .sql("SELECT * FROM api_token WHERE account_id = ?")
                .param(reporter.id())
                .query()
                .singleRow();
        assertThat(row.get("secret_hash")).isEqualTo(sha256(secret));
        assertThat(row.values()).extracting(String::valueOf).noneMatch(value -> value.contains(secret));
        assertThat(String.valueOf(row.get("prefix"))).isEqualTo(secret.substring(0, 10));

        Http.Response list = staff.get("/admin/tokens");
        assertThat(list.body()).doesNotContain(secret).contains("wire importer").contains(secret.substring(0, 10));
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'api-token.created' AND subject_id = ?")
                        .param(row.get("id"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void offersOnlyTheScopesTheRoleAllows() {
        StaffClient moderator = signIn(newsroom.staff(Role.MODERATOR));
        Http.Response page = moderator.get("/admin/tokens");
        assertThat(page.page().select("input[name=scopes]"))
                .extracting(input -> input.val())
                .containsExactly("comments:write");
        Http.Response refused =
                moderator.post("/admin/tokens", "name", "sneaky", "expiresOn", "", "scopes", "articles:write");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM api_token WHERE name = 'sneaky'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void createsADraftThatReadersCannotSeeAndUpdatesItWithOptimisticLocking() {
        Account reporter = newsroom.staff(Role.REPORTER);
        String token = createToken(signIn(reporter), "desk", "", "articles:write");

        Http.Response created = send("POST", "/api/v1/articles", token, draftJson("Bridge reopens"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode draft = JSON.readTree(created.body());
        long id = draft.path("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/articles/" + id + "/draft");
        assertThat(created.header("ETag"))
                .isEqualTo("\"" + draft.path("version").asInt() + "\"");
        assertThat(draft.path("status").asString()).isEqualTo("draft");
        assertThat(draft.path("sectionId").asLong()).isEqualTo(section.id());
        assertThat(draft.path("authorIds").get(0).asLong()).isEqualTo(author.id());
        String slug = draft.path("slug").asString();

        // Readers see nothing of it.
        assertThat(http.get("/api/v1/articles/" + id).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/articles/by-slug/" + slug).status()).isEqualTo(404);
        assertThat(ApiReadIntegrationTests.ids(
                        JSON.readTree(http.get("/api/v1/articles?limit=100").body())))
                .doesNotContain(id);
        assertThat(http.get("/api/v1/articles/" + id + "/draft").status()).isEqualTo(401);

        // The editor's workflow kept a revision and an audit entry.
        assertThat(database.jdbc()
                        .sql("SELECT action FROM audit_event WHERE subject_type = 'article' AND subject_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .contains("article.created");

        Http.Response fetched = getWith("/api/v1/articles/" + id + "/draft", token);
        assertThat(fetched.status()).isEqualTo(200);
        String etag = fetched.header("ETag");

        Http.Response updated = send(
                "PATCH", "/api/v1/articles/" + id, token, "{\"standfirst\":\"Longer standfirst.\"}", "If-Match", etag);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode saved = JSON.readTree(updated.body());
        assertThat(saved.path("standfirst").asString()).isEqualTo("Longer standfirst.");
        assertThat(saved.path("headline").asString()).isEqualTo("Bridge reopens");
        assertThat(saved.path("version").asInt())
                .isGreaterThan(draft.path("version").asInt());

        Http.Response stale =
                send("PATCH", "/api/v1/articles/" + id, token, "{\"standfirst\":\"Lost update.\"}", "If-Match", etag);
        assertProblem(stale, 412);
        Http.Response staleVersion = send(
                "PATCH",
                "/api/v1/articles/" + id,
                token,
                "{\"standfirst\":\"Lost update.\",\"version\":"
                        + draft.path("version").asInt() + "}");
        assertProblem(staleVersion, 409);
        assertProblem(send("PATCH", "/api/v1/articles/" + id, token, "{\"standfirst\":\"No version.\"}"), 428);
        assertThat(JSON.readTree(getWith("/api/v1/articles/" + id + "/draft", token)
                                .body())
                        .path("standfirst")
                        .asString())
                .isEqualTo("Longer standfirst.");

        // A reporter cannot publish.
        assertProblem(send("POST", "/api/v1/articles/" + id + "/publish", token, ""), 403);
        assertThat(http.get("/api/v1/articles/" + id).status()).isEqualTo(404);
    }

    @Test
    void editorsPublishThroughTheApi() {
        String token = createToken(signIn(newsroom.staff(Role.EDITOR)), "editor", "", "articles:write");
        long id = JSON.readTree(send("POST", "/api/v1/articles", token, draftJson("Goes out"))
                        .body())
                .path("id")
                .asLong();
        Http.Response published = send("POST", "/api/v1/articles/" + id + "/publish", token, "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(JSON.readTree(published.body()).path("status").asString()).isEqualTo("published");
        Http.Response live = http.get("/api/v1/articles/" + id);
        assertThat(live.status()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).path("headline").asString()).isEqualTo("Goes out");
    }

    @Test
    void refusesInvalidWritesWithProblemDetails() {
        String token = createToken(signIn(newsroom.staff(Role.EDITOR)), "checks", "", "articles:write");

        Http.Response invalid = send(
                "POST",
                "/api/v1/articles",
                token,
                "{\"headline\":\"\",\"body\":\"x\",\"section\":\"no/such/section\",\"authorSlugs\":[\"nobody-at-all\"]}");
        assertProblem(invalid, 422);
        assertThat(JSON.readTree(invalid.body()).path("errors").values())
                .extracting(error -> error.path("field").asString())
                .contains("section", "authorSlugs");
        Http.Response noHeadline = send(
                "POST",
                "/api/v1/articles",
                token,
                "{\"headline\":\" \",\"body\":\"x\",\"sectionId\":" + section.id() + ",\"authorIds\":[" + author.id()
                        + "]}");
        assertProblem(noHeadline, 422);
        assertThat(JSON.readTree(noHeadline.body()).path("errors").values())
                .extracting(error -> error.path("field").asString())
                .contains("headline");

        assertProblem(send("POST", "/api/v1/articles", token, "{\"headline\": "), 400);
        assertProblem(send("POST", "/api/v1/articles", token, "[1,2]"), 400);
        Http.Response text = http.send(
                HttpRequest.newBuilder()
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("headline")),
                "/api/v1/articles");
        assertProblem(text, 415);
        assertProblem(send("POST", "/api/v1/articles", token, "{\"body\":\"" + "x".repeat(1_100_000) + "\"}"), 413);
        assertProblem(send("DELETE", "/api/v1/articles/1", token, ""), 405);
        assertThat(send("DELETE", "/api/v1/articles/1", token, "").header("Allow"))
                .contains("PATCH");
        assertProblem(send("PATCH", "/api/v1/articles/99999999", token, "{\"version\":1}"), 404);

        // Half a character cannot be stored as sent: refused, never kept as "?".
        Http.Response halfCharacter = send(
                "POST",
                "/api/v1/articles",
                token,
                "{\"headline\":\"Tide \\ud800 tables\",\"body\":\"x\",\"sectionId\":" + section.id()
                        + ",\"authorIds\":[" + author.id() + "]}");
        assertProblem(halfCharacter, 400);
        assertThat(JSON.readTree(halfCharacter.body()).path("detail").asString())
                .contains("unpaired surrogate");
        Http.Response wholeCharacter = send(
                "POST",
                "/api/v1/articles",
                token,
                "{\"headline\":\"Tide \\ud83c\\udf0a tables\",\"body\":\"x\",\"sectionId\":" + section.id()
                        + ",\"authorIds\":[" + author.id() + "]}");
        assertThat(wholeCharacter.status()).as(wholeCharacter.body()).isEqualTo(201);
        assertThat(JSON.readTree(wholeCharacter.body()).path("headline").asString())
                .isEqualTo("Tide \uD83C\uDF0A tables");
    }

    @Test
    void refusesMissingAndInvalidTokens() {
        Http.Response missing = send("POST", "/api/v1/articles", null, draftJson("No token"));
        assertProblem(missing, 401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        Http.Response unknown = send("POST", "/api/v1/articles", "bst_" + "A".repeat(43), draftJson("Forged"));
        assertProblem(unknown, 401);
        assertThat(unknown.header("WWW-Authenticate")).contains("invalid_token");
        Http.Response basic = http.send(
                HttpRequest.newBuilder()
                        .header("Authorization", "Basic dXNlcjpwYXNz")
                        .GET(),
                "/api/v1/articles");
        assertProblem(basic, 401);
        // A signed-in browser's session cookie gives no power over the API.
        StaffClient editor = signIn(newsroom.staff(Role.EDITOR));
        Http.Response withCookie = editor.post("/api/v1/articles", "headline", "Cookie");
        assertThat(withCookie.status()).isEqualTo(401);
    }

    @Test
    void enforcesScopes() {
        StaffClient editor = signIn(newsroom.staff(Role.EDITOR));
        String commentsOnly = createToken(editor, "comments", "", "comments:write");
        String articlesOnly = createToken(editor, "articles", "", "articles:write");
        ArticleSummary story = newsroom.article(section, author).publish();

        assertProblem(send("POST", "/api/v1/articles", commentsOnly, draftJson("Not allowed")), 403);
        assertProblem(
                send("POST", "/api/v1/articles/" + story.id() + "/comments", articlesOnly, "{\"body\":\"Hi\"}"), 403);

        Http.Response posted = send(
                "POST", "/api/v1/articles/" + story.id() + "/comments", commentsOnly, "{\"body\":\"From the desk\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(JSON.readTree(posted.body()).path("status").asString()).isEqualTo("approved");
        JsonNode thread = JSON.readTree(
                http.get("/api/v1/articles/" + story.id() + "/comments").body());
        assertThat(thread.path("items").get(0).path("bodyHtml").asString()).contains("From the desk");
        assertThat(thread.path("items").get(0).path("staff").asBoolean()).isTrue();

        assertProblem(
                send("POST", "/api/v1/articles/" + story.id() + "/comments", commentsOnly, "{\"body\":\" \"}"), 422);
        long draft = newsroom.article(section, author)
                .status(news.broadsheet.article.ArticleStatus.DRAFT)
                .create();
        assertProblem(send("POST", "/api/v1/articles/" + draft + "/comments", commentsOnly, "{\"body\":\"Hi\"}"), 404);
    }

    @Test
    void demotionAndDisablingTakeEffectAtOnce() {
        Account editor = newsroom.staff(Role.EDITOR);
        String token = createToken(signIn(editor), "power", "", "articles:write", "comments:write");
        assertThat(send("POST", "/api/v1/articles", token, draftJson("Before demotion"))
                        .status())
                .isEqualTo(201);

        StaffClient admin = signIn(newsroom.staff(Role.ADMIN));
        assertThat(admin.post("/admin/users/" + editor.id() + "/role", "role", "MODERATOR")
                        .status())
                .isIn(302, 303);
        assertProblem(send("POST", "/api/v1/articles", token, draftJson("After demotion")), 403);
        ArticleSummary story = newsroom.article(section, author).publish();
        assertThat(send("POST", "/api/v1/articles/" + story.id() + "/comments", token, "{\"body\":\"Still may\"}")
                        .status())
                .isEqualTo(201);

        assertThat(admin.post("/admin/users/" + editor.id() + "/enabled", "enabled", "false")
                        .status())
                .isIn(302, 303);
        assertProblem(send("POST", "/api/v1/articles/" + story.id() + "/comments", token, "{\"body\":\"Gone\"}"), 401);
    }

    @Test
    void revocationAndExpiryTakeEffectAtOnce() {
        Account reporter = newsroom.staff(Role.REPORTER);
        StaffClient staff = signIn(reporter);
        String token = createToken(staff, "short-lived", "", "articles:write");
        assertThat(send("POST", "/api/v1/articles", token, draftJson("Works")).status())
                .isEqualTo(201);
        long tokenId = database.jdbc()
                .sql("SELECT id FROM api_token WHERE account_id = ? AND name = 'short-lived'")
                .param(reporter.id())
                .query(Long.class)
                .single();
        assertThat(staff.post("/admin/tokens/" + tokenId + "/revoke").status()).isIn(302, 303);
        assertProblem(send("POST", "/api/v1/articles", token, draftJson("Revoked")), 401);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'api-token.revoked' AND subject_id = ?")
                        .param(tokenId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        String tomorrow =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).toString();
        String expiring = createToken(staff, "expiring", tomorrow, "articles:write");
        assertThat(send("POST", "/api/v1/articles", expiring, draftJson("Before expiry"))
                        .status())
                .isEqualTo(201);
        clock.advance(Duration.ofDays(3));
        try {
            assertProblem(send("POST", "/api/v1/articles", expiring, draftJson("After expiry")), 401);
        } finally {
            clock.advance(Duration.ofDays(-3));
        }
    }

    @Test
    void onlyAdminsRevokeOtherUsersTokens() {
        Account owner = newsroom.staff(Role.REPORTER);
        String token = createToken(signIn(owner), "mine", "", "comments:write");
        long tokenId = database.jdbc()
                .sql("SELECT id FROM api_token WHERE account_id = ?")
                .param(owner.id())
                .query(Long.class)
                .single();

        StaffClient other = signIn(newsroom.staff(Role.EDITOR));
        assertThat(other.get("/admin/tokens").body()).doesNotContain("mine");
        assertThat(other.get("/admin/tokens?all").body()).doesNotContain(token.substring(0, 10));
        assertThat(other.post("/admin/tokens/" + tokenId + "/revoke").status()).isEqualTo(404);
        assertThat(revokedAt(tokenId)).isNull();
        ArticleSummary story = newsroom.article(section, author).publish();
        assertThat(send("POST", "/api/v1/articles/" + story.id() + "/comments", token, "{\"body\":\"Still works\"}")
                        .status())
                .isEqualTo(201);

        StaffClient admin = signIn(newsroom.staff(Role.ADMIN));
        assertThat(admin.get("/admin/tokens?all").body()).contains(token.substring(0, 10));
        assertThat(admin.post("/admin/tokens/" + tokenId + "/revoke").status()).isIn(302, 303);
        assertThat(revokedAt(tokenId)).isNotNull();
        assertProblem(
                send("POST", "/api/v1/articles/" + story.id() + "/comments", token, "{\"body\":\"No more\"}"), 401);
    }

    private Object revokedAt(long tokenId) {
        List<Map<String, Object>> rows = database.jdbc()
                .sql("SELECT revoked_at FROM api_token WHERE id = ?")
                .param(tokenId)
                .query()
                .listOfRows();
        return rows.getFirst().get("revoked_at");
    }
}
