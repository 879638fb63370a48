package news.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.page.PageContent;
import news.broadsheet.page.PageStatus;
import news.broadsheet.page.Pages;
import news.broadsheet.page.WritePage;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document and the code cannot drift: every route is documented, every documented route answers. */
@IntegrationTest
class OpenApiIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Sections sections;

    @Autowired
    Authors authors;

    @Autowired
    Pages pages;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    JsonNode document() {
        Http.Response response = http.get("/api/v1/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        return ApiReadIntegrationTests.JSON.readTree(response.body());
    }

    @Test
    void servesAnOpenApi31DocumentWithSecurityAndProblemDetails() {
        JsonNode document = document();
        assertThat(document.path("openapi").asString()).startsWith("3.1.");
        assertThat(document.path("info").path("title").asString()).isNotBlank();
        assertThat(document.path("servers").get(0).path("url").asString()).startsWith("http");
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearerToken");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(problem.path("required").values())
                .extracting(JsonNode::asString)
                .contains("type", "title", "status", "detail", "instance");
        // Every $ref points at something that exists.
        assertRefsResolve(document, document);
    }

    private static void assertRefsResolve(JsonNode root, JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (property.getKey().equals("$ref")) {
                    String[] parts = property.getValue().asString().substring(2).split("/");
                    JsonNode target = root;
                    for (String part : parts) {
                        target = target.path(part);
                    }
                    assertThat(target.isMissingNode())
                            .as(property.getValue().asString())
                            .isFalse();
                } else {
                    assertRefsResolve(root, property.getValue());
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(child -> assertRefsResolve(root, child));
        }
    }

    @Test
    void documentsEveryApiRouteAndNothingElse() {
        TreeSet<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (path.startsWith("/api/v1/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        routes.add(method.name().toLowerCase(java.util.Locale.ROOT) + " " + path);
                    }
                }
            }
        }
        TreeSet<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (!method.equals("parameters")) {
                    documented.add(method + " " + path.getKey());
                }
            }
        }
        assertThat(routes).isNotEmpty().isEqualTo(documented);
    }

    /** The operation's required query parameters, filled with their documented examples. */
    private static String requiredQuery(JsonNode operation) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asString("").equals("query")
                    && parameter.path("required").asBoolean(false)) {
                assertThat(parameter.has("example")).as(parameter + " example").isTrue();
                query.append(query.isEmpty() ? '?' : '&')
                        .append(parameter.path("name").asString())
                        .append('=')
                        .append(java.net.URLEncoder.encode(
                                parameter.path("example").asString(), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    @Test
    void everyDocumentedOperationAnswersAsDocumented() {
        Section news = sections.byPath("news").orElseGet(() -> sections.create(null, "news", "News", "News."));
        Author jane = authors.bySlug("jane-doe").orElseGet(() -> authors.create("jane-doe", "Jane Doe", "Reports."));
        ArticleSummary story = newsroom.article(news, jane).publish();
        // A live static page at the story's slug, so /api/v1/pages/{slug} answers too.
        pages.put(
                new WritePage(PageContent.markdown(story.slug(), "About", "About us."), PageStatus.PUBLISHED, null),
                Actor.SYSTEM);
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        Author byline = newsroom.author("Documented Byline");
        String token = ApiTokenIntegrationTests.createToken(
                editor, "openapi", "", "articles:write", "comments:write", "authors:write", "sections:write");

        JsonNode document = document();
        OpenApiSchemas schemas = new OpenApiSchemas(document);
        int checked = 0;
        int schemasChecked = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String id = path.getKey().startsWith("/api/v1/authors/")
                    ? String.valueOf(byline.id())
                    : String.valueOf(story.id());
            String pathAddress = path.getKey().replace("{id}", id).replace("{slug}", story.slug());
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getKey().equals("parameters")) {
                    continue;
                }
                String address = pathAddress + requiredQuery(operation.getValue());
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                JsonNode op = operation.getValue();
                String body = "";
                JsonNode json = op.path("requestBody").path("content").path("application/json");
                if (!json.isMissingNode()) {
                    JsonNode example = json.has("example")
                            ? json.path("example")
                            : schema(document, json).path("example");
                    assertThat(example.isMissingNode())
                            .as(method + " " + path.getKey() + " example")
                            .isFalse();
                    body = example.toString();
                }
                HttpRequest.Builder request = HttpRequest.newBuilder()
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                if (!body.isEmpty()) {
                    request.header("Content-Type", "application/json");
                }
                if (op.has("security")) {
                    request.header("Authorization", "Bearer " + token);
                }
                if (op.toString().contains("#/components/parameters/IfMatch")) {
                    request.header("If-Match", "*");
                }
                Http.Response response = http.send(request, address);
                String success = null;
                for (String status : op.path("responses").propertyNames()) {
                    if (status.startsWith("2") && success == null) {
                        success = status;
                    }
                }
                assertThat(response.status())
                        .as(method + " " + address + ": " + response.body())
                        .isLessThan(500)
                        .isEqualTo(Integer.parseInt(success));
                String mediaType = op.path("responses")
                        .path(success)
                        .path("content")
                        .propertyNames()
                        .iterator()
                        .next();
                assertThat(response.header("Content-Type"))
                        .as(method + " " + address)
                        .startsWith(mediaType);
                if (schemas.assertMatches(
                        method, path.getKey(), response.status(), response.header("Content-Type"), response.body())) {
                    schemasChecked++;
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(16);
        // Every JSON answer was held to its documented schema (the docs page and its HTML are not JSON).
        assertThat(schemasChecked).isEqualTo(checked - 1);
    }

    @Test
    void documentsTheRefusalsEveryReadCanMeet() {
        Section news = sections.byPath("news").orElseGet(() -> sections.create(null, "news", "News", "News."));
        Author jane = authors.bySlug("jane-doe").orElseGet(() -> authors.create("jane-doe", "Jane Doe", "Reports."));
        ArticleSummary story = newsroom.article(news, jane).publish();
        OpenApiSchemas schemas = new OpenApiSchemas(document());
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                continue;
            }
            String address =
                    path.getKey().replace("{id}", String.valueOf(story.id())).replace("{slug}", story.slug())
                            + requiredQuery(get);
            Http.Response badToken = http.send(
                    HttpRequest.newBuilder()
                            .header("Authorization", "Bearer not-a-token")
                            .GET(),
                    address);
            assertThat(badToken.status()).as(address).isEqualTo(401);
            schemas.assertMatches("GET", path.getKey(), 401, badToken.header("Content-Type"), badToken.body());
            assertThat(get.path("responses").has("401"))
                    .as("GET " + path.getKey() + " documents 401")
                    .isTrue();
            boolean json = get.path("responses").path("200").path("content").has("application/json");
            Http.Response xml = http.send(
                    HttpRequest.newBuilder().header("Accept", "application/xml").GET(), address);
            // A read that needs a token is refused for the missing token before its format is looked at.
            boolean needsToken = get.has("security") && !get.path("security").isEmpty();
            if (json && !needsToken) {
                assertThat(xml.status()).as(address).isEqualTo(406);
                schemas.assertMatches("GET", path.getKey(), 406, xml.header("Content-Type"), xml.body());
            }
            assertThat(get.path("responses").has("406"))
                    .as("GET " + path.getKey() + " documents 406")
                    .isEqualTo(xml.status() == 406 || (json && needsToken));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(9);
    }

    private static JsonNode schema(JsonNode document, JsonNode media) {
        String ref = media.path("schema").path("$ref").asString("");
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void rendersTheDocumentAsAReadablePageWithoutScripts() {
        Http.Response response = http.get("/api/v1/docs");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        Document page = response.page();
        // The document itself needs no script: the only one is the site's own (relative times).
        assertThat(page.select("script").eachAttr("src"))
                .hasSize(page.select("script").size())
                .allMatch(src -> src.startsWith("/assets/js/site-"));
        assertThat(page.select("h1").text()).contains("Broadsheet API");
        for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
            assertThat(page.text()).contains(path.getKey());
        }
        assertThat(page.getElementById("problem-not-found")).isNotNull();
        assertThat(page.getElementById("schema-ArticleDetail")).isNotNull();
        assertThat(page.getElementById("listArticles")).isNotNull();
    }
}
