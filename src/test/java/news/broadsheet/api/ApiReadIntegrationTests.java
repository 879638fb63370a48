package news.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.PostComment;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest(properties = "broadsheet.comments.moderation=post")
class ApiReadIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    Comments comments;

    @Autowired
    TestDatabaseQueries database;

    static JsonNode json(Http.Response response) {
        return JSON.readTree(response.body());
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").values().forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    @Test
    void pagesThroughLiveStoriesNewestFirstWithoutDuplicatesOrGaps() {
        Section section = newsroom.section("Paging");
        Author author = newsroom.author("Pat Pager");
        Instant now = clock.instant();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Two stories share each publication time: the id breaks the tie.
            Instant at = now.minus(Duration.ofHours(10 - i / 2));
            expected.add(newsroom.article(section, author).publishedAt(at).create());
        }
        List<Long> seen = new ArrayList<>();
        String next = "/api/v1/articles?section=" + section.path() + "&limit=3";
        int pages = 0;
        while (next != null) {
            Http.Response response = http.get(next);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            JsonNode page = json(response);
            seen.addAll(ids(page));
            pages++;
            JsonNode link = page.path("links").path("next");
            if (link.isNull()) {
                assertThat(page.path("nextCursor").isNull()).isTrue();
                next = null;
            } else {
                assertThat(link.asString())
                        .contains("cursor=" + page.path("nextCursor").asString());
                assertThat(link.asString()).contains("section=" + section.path());
                next = URI.create(link.asString()).getRawPath() + "?"
                        + URI.create(link.asString()).getRawQuery();
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        // Newest first: later publication times come first, higher ids first on ties.
        List<Instant> times = new ArrayList<>();
        for (long id : seen) {
            times.add(Instant.parse(
                    json(http.get("/api/v1/articles/" + id)).path("publishedAt").asString()));
        }
        for (int i = 1; i < seen.size(); i++) {
            assertThat(times.get(i)).isBeforeOrEqualTo(times.get(i - 1));
            if (times.get(i).equals(times.get(i - 1))) {
                assertThat(seen.get(i)).isLessThan(seen.get(i - 1));
            }
        }
    }

    @Test
    void filtersBySectionTreeTagAuthorAndDates() {
        Section world = newsroom.section("World");
        Section europe = newsroom.subsection(world, "Europe");
        Section sport = newsroom.section("Sport");
        Author ann = newsroom.author("Ann Filter");
        Author bob = newsroom.author("Bob Filter");
        String tag = Newsroom.unique("elections");
        Instant now = clock.instant();
        long inWorld = newsroom.article(world, ann)
                .publishedAt(now.minus(Duration.ofDays(3)))
                .create();
        long inEurope = newsroom.article(europe, bob)
                .tags(tag)
                .publishedAt(now.minus(Duration.ofDays(1)))
                .create();
        long inSport = newsroom.article(sport, ann).tags(tag).create();

        assertThat(ids(json(http.get("/api/v1/articles?section=" + world.path()))))
                .containsExactly(inEurope, inWorld);
        assertThat(ids(json(http.get("/api/v1/articles?tag=" + tag)))).containsExactly(inSport, inEurope);
        assertThat(ids(json(http.get("/api/v1/articles?author=" + ann.slug())))).containsExactly(inSport, inWorld);
        assertThat(ids(json(http.get("/api/v1/articles?author=" + ann.slug() + "&tag=" + tag))))
                .containsExactly(inSport);
        String twoDaysAgo = now.minus(Duration.ofDays(2)).toString();
        assertThat(ids(json(http.get("/api/v1/articles?section=" + world.path() + "&since=" + twoDaysAgo))))
                .containsExactly(inEurope);
        assertThat(ids(json(http.get("/api/v1/articles?section=" + world.path() + "&until=" + twoDaysAgo))))
                .containsExactly(inWorld);
        String day = now.minus(Duration.ofDays(3)).toString().substring(0, 10);
        assertThat(ids(json(http.get("/api/v1/articles?section=" + world.path() + "&since=" + day + "&until=" + day))))
                .containsExactly(inWorld);
    }

    @Test
    void answersOneLiveStoryByIdAndSlugWithEverythingAReaderSees() {
        Section section = newsroom.section("Science");
        Section sub = newsroom.subsection(section, "Space");
        Author author = newsroom.author("Sue Detail");
        ArticleSummary story = newsroom.article(sub, author)
                .headline("Comet seen")
                .body("A **bright** comet.")
                .tags("Comets")
                .publish();

        JsonNode byId = json(http.get("/api/v1/articles/" + story.id()));
        JsonNode bySlug = json(http.get("/api/v1/articles/by-slug/" + story.slug()));
        assertThat(bySlug).isEqualTo(byId);
        assertThat(byId.path("headline").asString()).isEqualTo("Comet seen");
        assertThat(byId.path("bodyHtml").asString()).contains("<strong>bright</strong>");
        assertThat(byId.path("url").asString()).startsWith("http").endsWith(story.url());
        assertThat(byId.path("section").path("path").asString()).isEqualTo(sub.path());
        assertThat(byId.path("sectionTrail").values())
                .extracting(node -> node.path("id").asLong())
                .containsExactly(section.id(), sub.id());
        assertThat(byId.path("authors").get(0).path("slug").asString()).isEqualTo(author.slug());
        assertThat(byId.path("tags").get(0).path("name").asString()).isEqualTo("Comets");
        assertThat(Instant.parse(byId.path("publishedAt").asString())).isEqualTo(story.publishedAt());
        assertThat(byId.path("updatedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
        assertThat(byId.path("corrections").isArray()).isTrue();
        assertThat(byId.has("leadImage")).isTrue();
        assertThat(byId.path("leadImage").isNull()).isTrue();
        assertThat(byId.has("body_html")).isFalse();
    }

    @Test
    void neverShowsStoriesThatAreNotLive() {
        Section section = newsroom.section("Hidden");
        Author author = newsroom.author("Hal Hidden");
        Instant now = clock.instant();
        long live = newsroom.article(section, author).create();
        List<Long> hidden = new ArrayList<>();
        hidden.add(newsroom.article(section, author).status(ArticleStatus.DRAFT).create());
        hidden.add(newsroom.article(section, author)
                .status(ArticleStatus.IN_REVIEW)
                .create());
        hidden.add(newsroom.article(section, author)
                .status(ArticleStatus.UNPUBLISHED)
                .create());
        hidden.add(newsroom.article(section, author)
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(now.plus(Duration.ofHours(2)))
                .create());
        long embargoed = newsroom.article(section, author).create();
        database.jdbc()
                .sql("UPDATE article SET embargo_until = ? WHERE id = ?")
                .params(now.plus(Duration.ofDays(1)).toEpochMilli(), embargoed)
                .update();
        hidden.add(embargoed);
        long expired = newsroom.article(section, author).create();
        database.jdbc()
                .sql("UPDATE article SET expires_at = ? WHERE id = ?")
                .params(now.minus(Duration.ofMinutes(1)).toEpochMilli(), expired)
                .update();
        hidden.add(expired);

        assertThat(ids(json(http.get("/api/v1/articles?section=" + section.path() + "&limit=100"))))
                .containsExactly(live);
        assertThat(ids(json(http.get("/api/v1/articles?author=" + author.slug()))))
                .containsExactly(live);
        for (long id : hidden) {
            String slug = database.jdbc()
                    .sql("SELECT slug FROM article WHERE id = ?")
                    .param(id)
                    .query(String.class)
                    .single();
            for (String path : List.of(
                    "/api/v1/articles/" + id,
                    "/api/v1/articles/by-slug/" + slug,
                    "/api/v1/articles/" + id + "/comments")) {
                Http.Response response = http.get(path);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
                assertThat(response.body()).doesNotContain("A headline for");
            }
        }
        // Every list of everything stays clean as well.
        String all = http.get("/api/v1/articles?limit=100").body();
        for (long id : hidden) {
            assertThat(ids(JSON.readTree(all))).doesNotContain(id);
        }
    }

    @Test
    void listsApprovedCommentsWithTheirParentsAndPages() {
        Section section = newsroom.section("Talk");
        Author author = newsroom.author("Tim Talk");
        ArticleSummary story = newsroom.article(section, author).publish();
        long first = comments.post(new PostComment(story.id(), null, "Reader One", null, "First!", "10.0.0.1"))
                .id();
        clock.advance(Duration.ofMinutes(1));
        long reply = comments.post(new PostComment(story.id(), first, "Reader Two", null, "A reply", "10.0.0.2"))
                .id();
        database.jdbc()
                .sql("INSERT INTO comment (article_id, author_name, body, status, created_at, client_address_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        story.id(),
                        "Held",
                        "pending words",
                        "pending",
                        clock.instant().toEpochMilli(),
                        "x")
                .update();
        for (int i = 0; i < 55; i++) {
            clock.advance(Duration.ofMinutes(1));
            comments.post(new PostComment(story.id(), null, "Many " + i, null, "Comment number " + i, "10.1.0." + i));
        }

        JsonNode page = json(http.get("/api/v1/articles/" + story.id() + "/comments"));
        JsonNode firstItem = page.path("items").get(0);
        assertThat(firstItem.path("id").asLong()).isEqualTo(first);
        assertThat(firstItem.path("parentId").isNull()).isTrue();
        assertThat(firstItem.path("authorName").asString()).isEqualTo("Reader One");
        assertThat(firstItem.path("bodyHtml").asString()).contains("First!");
        assertThat(Instant.parse(firstItem.path("postedAt").asString())).isNotNull();
        JsonNode replyItem = page.path("items").get(1);
        assertThat(replyItem.path("id").asLong()).isEqualTo(reply);
        assertThat(replyItem.path("parentId").asLong()).isEqualTo(first);
        assertThat(page.toString()).doesNotContain("pending words");

        Set<Long> all = new LinkedHashSet<>(ids(page));
        String next = page.path("links").path("next").asString();
        JsonNode second = json(
                http.get(URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery()));
        assertThat(second.path("nextCursor").isNull()).isTrue();
        for (long id : ids(second)) {
            assertThat(all.add(id)).as("comment " + id + " on one page only").isTrue();
        }
        assertThat(all).hasSize(57);
    }

    @Test
    void listsSectionsTagsAndAuthors() {
        Section parent = newsroom.section("Culture");
        Section child = newsroom.subsection(parent, "Film");
        Author author = newsroom.author("Ava Lister");
        for (int i = 0; i < 5; i++) {
            newsroom.article(child, author).tags("Tag " + Newsroom.unique("t")).create();
        }

        JsonNode sections = json(http.get("/api/v1/sections"));
        JsonNode film = null;
        for (JsonNode section : sections.path("items").values()) {
            if (section.path("id").asLong() == child.id()) {
                film = section;
            }
        }
        assertThat(film).isNotNull();
        assertThat(film.path("parentId").asLong()).isEqualTo(parent.id());
        assertThat(film.path("path").asString()).isEqualTo(child.path());

        JsonNode authors = json(http.get("/api/v1/authors"));
        assertThat(authors.path("items").values())
                .extracting(node -> node.path("slug").asString())
                .contains(author.slug());

        List<String> slugs = new ArrayList<>();
        String next = "/api/v1/tags?limit=2";
        while (next != null) {
            JsonNode page = json(http.get(next));
            page.path("items")
                    .values()
                    .forEach(tag -> slugs.add(tag.path("slug").asString()));
            String link = page.path("links").path("next").isNull()
                    ? null
                    : page.path("links").path("next").asString();
            next = link == null
                    ? null
                    : URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();
        }
        assertThat(slugs).doesNotHaveDuplicates().isSorted().hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void answersBadRequestsWithProblemDetails() {
        for (String path : List.of(
                "/api/v1/articles?limit=0",
                "/api/v1/articles?limit=101",
                "/api/v1/articles?limit=ten",
                "/api/v1/articles?cursor=not-a-cursor!",
                "/api/v1/articles?cursor=" + java.util.Base64.getUrlEncoder().encodeToString("x.y".getBytes()),
                "/api/v1/articles?since=yesterday",
                "/api/v1/articles?section=no-such-section",
                "/api/v1/articles?tag=no-such-tag",
                "/api/v1/tags?cursor=%25%25",
                "/api/v1/articles/1/comments?cursor=zzz")) {
            Http.Response response = http.get(path);
            if (path.contains("/articles/1/comments")) {
                assertThat(response.status()).as(path).isIn(400, 404);
            } else {
                assertThat(response.status()).as(path).isEqualTo(400);
            }
            assertProblem(response, response.status());
        }
    }

    @Test
    void answersUnknownAddressesAndMethodsWithProblemDetails() {
        Http.Response unknown = http.get("/api/v1/nothing-here");
        assertProblem(unknown, 404);
        assertThat(json(unknown).path("instance").asString()).isEqualTo("/api/v1/nothing-here");
        assertProblem(http.get("/api/v2/articles"), 404);
        assertProblem(http.get("/api/v1/articles/abc"), 404);
        assertProblem(http.get("/api/v1/articles/99999999"), 404);

        Http.Response wrongMethod = http.request("DELETE", "/api/v1/articles/1");
        // An unsupported method is 405 with or without a token.
        assertProblem(wrongMethod, 405);

        Http.Response notAcceptable = http.send(
                HttpRequest.newBuilder().header("Accept", "application/xml").GET(), "/api/v1/sections");
        assertProblem(notAcceptable, 406);
    }

    @Test
    void allowsCrossOriginReadsButNotWrites() {
        Http.Response get = http.send(
                HttpRequest.newBuilder()
                        .header("Origin", "https://elsewhere.example")
                        .GET(),
                "/api/v1/sections");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("*");

        Http.Response preflight = http.send(
                HttpRequest.newBuilder()
                        .header("Origin", "https://elsewhere.example")
                        .header("Access-Control-Request-Method", "GET")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "/api/v1/articles");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");

        Http.Response writePreflight = http.send(
                HttpRequest.newBuilder()
                        .header("Origin", "https://elsewhere.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization, content-type")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "/api/v1/articles");
        assertThat(writePreflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(writePreflight.header("Access-Control-Allow-Methods")).isNull();

        Http.Response post = http.send(
                HttpRequest.newBuilder()
                        .header("Origin", "https://elsewhere.example")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                "/api/v1/articles");
        assertThat(post.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void neverStartsASession() {
        Http.Response response = http.get("/api/v1/articles");
        assertThat(response.raw().headers().allValues("Set-Cookie")).isEmpty();
        Http.Response post = http.postRaw("/api/v1/articles", "application/json", "{}");
        assertThat(post.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.raw().uri().toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).contains("/api/v1/docs#problem-");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).startsWith("/api");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
