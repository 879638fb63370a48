package news.broadsheet.feed;

import static news.broadsheet.feed.FeedFormats.ATOM_NS;
import static news.broadsheet.feed.FeedFormats.CONTENT_NS;
import static news.broadsheet.feed.FeedFormats.children;
import static news.broadsheet.feed.FeedFormats.items;
import static news.broadsheet.feed.FeedFormats.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Author;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.media.ImageUpload;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.media.TestImages;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.support.HtmlSafety;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.SharedTestData;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class FeedIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    Comments comments;

    @Autowired
    Sections sections;

    @Autowired
    SiteSettings site;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    MediaLibrary media;

    Section world;
    Section defense;
    Author reporter;
    Author columnist;
    String tagName;
    ArticleSummary worldStory;
    ArticleSummary defenseStory;

    @BeforeEach
    void setUp() {
        world = newsroom.section("World");
        defense = newsroom.subsection(world, "Defense");
        reporter = newsroom.author("Lena Brook");
        columnist = newsroom.author("Ana Ferreira");
        tagName = Newsroom.unique("Baltic security");
        Instant now = clock.instant();
        worldStory = newsroom.article(world, reporter)
                .headline("Leaders meet in Vilnius")
                .standfirst("A summit of the region's leaders.")
                .body("See [the defense desk](/" + "world) and ![a map](/media/2026/05/map.jpg \"Map\").\n\n"
                        + "Read [more](#later) or [elsewhere](https://example.org/x?a=1&b=2).\n\n"
                        + "```\nline one\n    indented  twice\n```")
                .tags(tagName)
                .publishedAt(now.minus(Duration.ofHours(3)))
                .publish();
        defenseStory = newsroom.article(defense, reporter)
                .coAuthor(columnist)
                .tags(tagName)
                .publishedAt(now.minus(Duration.ofHours(2)))
                .publish();
    }

    private Tag tag() {
        return newsroom.articles()
                .tagBySlug(news.broadsheet.shared.Slugs.from(tagName))
                .orElseThrow();
    }

    /** Every feed scope, as its address without the extension. */
    private List<String> scopes() {
        return List.of(
                "/feeds/all",
                "/feeds/section/" + world.path(),
                "/feeds/section/" + defense.path(),
                "/feeds/tag/" + tag().slug(),
                "/feeds/author/" + reporter.slug(),
                "/feeds/comments/" + worldStory.id());
    }

    @Test
    void atomOfEveryScopeValidatesAgainstRfc4287Schema() {
        comments.importComment(
                worldStory.id(), null, "Reader", null, "A fine piece.", CommentStatus.APPROVED, clock.instant());
        for (String scope : scopes()) {
            Http.Response atom = http.get(scope + ".atom");
            assertThat(atom.status()).as(scope).isEqualTo(200);
            FeedFormats.assertValidAtom(atom.body());
        }
    }

    @Test
    void atomOfEveryScopeHasTheRequiredElementsAndMediaType() {
        comments.importComment(
                worldStory.id(), null, "Reader", null, "A fine piece.", CommentStatus.APPROVED, clock.instant());
        for (String scope : scopes()) {
            Http.Response atom = http.get(scope + ".atom");
            assertThat(atom.status()).as(scope).isEqualTo(200);
            assertThat(atom.header("Content-Type")).isEqualTo("application/atom+xml;charset=UTF-8");
            Document xml = FeedFormats.assertAtomStructure(atom.body());
            assertThat(items(xml)).as(scope).isNotEmpty();
            assertThat(FeedFormats.links(xml.getDocumentElement(), "self")
                            .getFirst()
                            .getAttribute("href"))
                    .isEqualTo(site.absolute(scope + ".atom"));
        }
    }

    @Test
    void rssOfEveryScopeParsesStrictlyWithRfc822DatesAndAbsoluteLinks() {
        comments.importComment(
                worldStory.id(), null, "Reader", null, "A fine piece.", CommentStatus.APPROVED, clock.instant());
        for (String scope : scopes()) {
            Http.Response rss = http.get(scope + ".rss");
            assertThat(rss.status()).as(scope).isEqualTo(200);
            assertThat(rss.header("Content-Type")).isEqualTo("application/rss+xml;charset=UTF-8");
            Document xml = FeedFormats.assertRss(rss.body());
            assertThat(items(xml)).as(scope).isNotEmpty();
            for (Element item : items(xml)) {
                assertThat(children(item, null, "guid").getFirst().getAttribute("isPermaLink"))
                        .isEqualTo("false");
            }
        }
    }

    @Test
    void jsonFeedOfEveryScopeFollowsVersion11() {
        comments.importComment(
                worldStory.id(), null, "Reader", null, "A fine piece.", CommentStatus.APPROVED, clock.instant());
        for (String scope : scopes()) {
            Http.Response json = http.get(scope + ".json");
            assertThat(json.status()).as(scope).isEqualTo(200);
            assertThat(json.header("Content-Type")).isEqualTo("application/feed+json;charset=UTF-8");
            JsonNode feed = FeedFormats.assertJsonFeed(json.body());
            assertThat(feed.path("feed_url").asString()).isEqualTo(site.absolute(scope + ".json"));
            assertThat(feed.path("items")).as(scope).isNotEmpty();
        }
    }

    @Test
    void itemsCarryTheStoryWithBylineCategoriesAndTheFullBodyWithAbsoluteLinks() {
        Document atom = FeedFormats.strictXml(
                http.get("/feeds/tag/" + tag().slug() + ".atom").body());
        Element entry = items(atom).stream()
                .filter(e -> text(e, ATOM_NS, "title").equals("Leaders meet in Vilnius"))
                .findFirst()
                .orElseThrow();
        assertThat(text(entry, ATOM_NS, "summary")).isEqualTo("A summit of the region's leaders.");
        assertThat(FeedFormats.links(entry, "alternate").getFirst().getAttribute("href"))
                .isEqualTo(site.absolute(worldStory.url()));
        assertThat(text(children(entry, ATOM_NS, "author").getFirst(), ATOM_NS, "name"))
                .isEqualTo("Lena Brook");
        assertThat(children(entry, ATOM_NS, "category").stream().map(c -> c.getAttribute("term")))
                .containsExactly("World", tagName);
        String content = text(entry, ATOM_NS, "content");
        assertThat(content)
                .contains("href=\"" + site.absolute("/world") + "\"")
                .contains("src=\"" + site.absolute("/media/2026/05/map.jpg") + "\"")
                .contains("href=\"" + site.absolute(worldStory.url()) + "#later\"")
                .contains("href=\"https://example.org/x");
        assertThat(content).contains("line one\n    indented  twice");
        assertThat(HtmlSafety.problems(content)).isEmpty();

        Document rss = FeedFormats.strictXml(
                http.get("/feeds/section/" + world.path() + ".rss").body());
        Element item = items(rss).stream()
                .filter(e -> text(e, null, "link").equals(site.absolute(worldStory.url())))
                .findFirst()
                .orElseThrow();
        assertThat(text(item, CONTENT_NS, "encoded")).contains("href=\"" + site.absolute("/world") + "\"");
        assertThat(text(item, null, "description")).isEqualTo("A summit of the region&#39;s leaders.");

        JsonNode json = FeedFormats.json(
                http.get("/feeds/section/" + defense.path() + ".json").body());
        JsonNode story = json.path("items").get(0);
        assertThat(story.path("url").asString()).isEqualTo(site.absolute(defenseStory.url()));
        assertThat(story.path("content_html").asString()).contains("<p>First paragraph.</p>");
        assertThat(story.path("authors").findValuesAsString("name")).containsExactly("Lena Brook", "Ana Ferreira");
        assertThat(story.path("tags").toString()).contains("Defense", tagName);
    }

    @Test
    void theLeadImageIsAnEnclosureAndTheJsonFeedImage() {
        long editor = newsroom.staff(Role.EDITOR).id();
        StoredImage image = media.store(
                new ImageUpload(
                        "map.jpg",
                        TestImages.encode(TestImages.picture(1200, 800), "jpeg"),
                        "A map of the Baltic",
                        "The region",
                        "Staff"),
                editor);
        database.jdbc()
                .sql("UPDATE article SET lead_image_id = ? WHERE id = ?")
                .params(image.id(), defenseStory.id())
                .update();
        String scope = "/feeds/section/" + defense.path();
        String imageUrl = site.absolute(image.url());

        Element rssItem =
                items(FeedFormats.assertRss(http.get(scope + ".rss").body())).getFirst();
        Element enclosure = children(rssItem, null, "enclosure").getFirst();
        Http.Response atom = http.get(scope + ".atom");
        Element atomEnclosure = FeedFormats.links(
                        items(FeedFormats.assertAtomStructure(atom.body())).getFirst(), "enclosure")
                .getFirst();
        JsonNode json = FeedFormats.assertJsonFeed(http.get(scope + ".json").body());

        assertThat(enclosure.getAttribute("url")).isEqualTo(imageUrl);
        assertThat(enclosure.getAttribute("type")).isEqualTo("image/jpeg");
        assertThat(enclosure.getAttribute("length")).isEqualTo("0");
        assertThat(atomEnclosure.getAttribute("href")).isEqualTo(imageUrl);
        assertThat(atomEnclosure.getAttribute("type")).isEqualTo("image/jpeg");
        assertThat(json.path("items").get(0).path("image").asString()).isEqualTo(imageUrl);
        assertThat(http.get(image.url()).status()).isEqualTo(200);
        FeedFormats.assertValidAtom(atom.body());
    }

    @Test
    void sectionFeedsListTheirSubsectionsNewestFirstAndOtherScopesOnlyTheirStories() {
        Section elsewhere = newsroom.section("Sport");
        ArticleSummary sport = newsroom.article(elsewhere, columnist)
                .publishedAt(clock.instant())
                .publish();

        assertThat(urls("/feeds/section/" + world.path() + ".rss"))
                .containsExactly(site.absolute(defenseStory.url()), site.absolute(worldStory.url()));
        assertThat(urls("/feeds/section/" + defense.path() + ".rss"))
                .containsExactly(site.absolute(defenseStory.url()));
        assertThat(urls("/feeds/tag/" + tag().slug() + ".rss"))
                .containsExactly(site.absolute(defenseStory.url()), site.absolute(worldStory.url()));
        assertThat(urls("/feeds/author/" + columnist.slug() + ".rss"))
                .containsExactly(site.absolute(sport.url()), site.absolute(defenseStory.url()));
        assertThat(urls("/feeds/all.rss")).first().isEqualTo(site.absolute(sport.url()));
    }

    @Test
    void commentsFeedListsApprovedCommentsNewestFirstLinkingToEachComment() {
        Instant now = clock.instant();
        long older = comments.importComment(
                worldStory.id(),
                null,
                "First Reader",
                null,
                "Older words.",
                CommentStatus.APPROVED,
                now.minusSeconds(60));
        long newer = comments.importComment(
                worldStory.id(),
                null,
                "Second Reader",
                null,
                "Newer words.",
                CommentStatus.APPROVED,
                now.minusSeconds(30));
        comments.importComment(worldStory.id(), null, "Held", null, "Waiting.", CommentStatus.PENDING, now);
        comments.importComment(worldStory.id(), null, "Spammer", null, "Buy now.", CommentStatus.SPAM, now);

        Document rss = FeedFormats.assertRss(
                http.get("/feeds/comments/" + worldStory.id() + ".rss").body());
        assertThat(items(rss).stream().map(i -> text(i, null, "link")))
                .containsExactly(
                        site.absolute(worldStory.url()) + "#comment-" + newer,
                        site.absolute(worldStory.url()) + "#comment-" + older);
        JsonNode json = FeedFormats.assertJsonFeed(
                http.get("/feeds/comments/" + worldStory.id() + ".json").body());
        assertThat(json.path("items").findValuesAsString("content_html"))
                .containsExactly("<p>Newer words.</p>", "<p>Older words.</p>");
        assertThat(json.path("items").get(0).path("authors").get(0).path("name").asString())
                .isEqualTo("Second Reader");
        assertThat(json.path("home_page_url").asString()).isEqualTo(site.absolute(worldStory.url()));
    }

    @Test
    void commentsFeedOfAStoryReadersCannotSeeIsNotFound() {
        long draft =
                newsroom.article(world, reporter).status(ArticleStatus.DRAFT).create();
        long scheduled = newsroom.article(world, reporter)
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(clock.instant().plus(Duration.ofHours(1)))
                .create();
        comments.importComment(draft, null, "Early", null, "Seen too soon?", CommentStatus.APPROVED, clock.instant());

        for (long id : List.of(draft, scheduled, 987_654_321L)) {
            for (String extension : List.of("rss", "atom", "json")) {
                Http.Response response = http.get("/feeds/comments/" + id + "." + extension);
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.body()).doesNotContain("Seen too soon");
            }
        }
    }

    @Test
    void unknownFeedsAreAPlainNotFound() {
        for (String path : List.of(
                "/feeds/all.xml",
                "/feeds/all",
                "/feeds/everything.rss",
                "/feeds/section/no-such-section.rss",
                "/feeds/section/" + world.path() + ".html",
                "/feeds/section/" + world.path(),
                "/feeds/section/..%2F..%2Fetc.rss",
                "/feeds/section/.rss",
                "/feeds/tag/no-such-tag.atom",
                "/feeds/tag/Bad_Slug!.atom",
                "/feeds/author/nobody-at-all.json",
                "/feeds/comments/0.rss",
                "/feeds/comments/abc.rss",
                "/feeds/comments/99999999999999999999999.rss")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
        }
        assertThat(http.get("/feeds/all.xml").header("Content-Type")).startsWith("text/plain");
    }

    @Test
    void retiredSectionPathsAndTagSlugsRedirectToTheNewFeed() {
        String oldPath = defense.path();
        Section moved = sections.update(defense.id(), world.id(), Newsroom.unique("security"), "Security", "");
        String oldTagSlug = Newsroom.unique("old-tag");
        database.jdbc()
                .sql("INSERT INTO tag_retired_slug (slug, tag_id) VALUES (?, ?)")
                .params(oldTagSlug, tag().id())
                .update();

        Http.Response section = http.get("/feeds/section/" + oldPath + ".atom");
        Http.Response tag = http.get("/feeds/tag/" + oldTagSlug + ".json");

        assertThat(section.status()).isEqualTo(301);
        assertThat(section.location()).isEqualTo("/feeds/section/" + moved.path() + ".atom");
        assertThat(tag.status()).isEqualTo(301);
        assertThat(tag.location()).isEqualTo("/feeds/tag/" + tag().slug() + ".json");
        assertThat(http.get(section.location()).status()).isEqualTo(200);
    }

    @Test
    void answersConditionalRequestsWithNotModifiedUntilAStoryChanges() {
        String path = "/feeds/section/" + world.path() + ".atom";
        Http.Response first = http.get(path);
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).matches("(W/)?\"[0-9a-f]{32}\"");
        assertThat(FeedFormats.rfc822(lastModified).toInstant()).isEqualTo(defenseStory.publishedAt());
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=300");

        Http.Response byEtag = conditional(path, "If-None-Match", etag);
        Http.Response byDate = conditional(path, "If-Modified-Since", lastModified);
        assertThat(byEtag.status()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byEtag.header("ETag")).isEqualTo(etag);
        assertThat(byDate.status()).isEqualTo(304);
        assertThat(conditional("/feeds/all.rss", "If-None-Match", etag).status())
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        newsroom.article(defense, reporter).publishedAt(clock.instant()).publish();

        Http.Response changedByEtag = conditional(path, "If-None-Match", etag);
        Http.Response changedByDate = conditional(path, "If-Modified-Since", lastModified);
        assertThat(changedByEtag.status()).isEqualTo(200);
        assertThat(changedByEtag.header("ETag")).isNotEqualTo(etag);
        assertThat(changedByDate.status()).isEqualTo(200);
    }

    @Test
    void answersHeadWithTheHeadersOfGet() {
        Http.Response get = http.get("/feeds/all.json");
        Http.Response head = http.request("HEAD", "/feeds/all.json");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
    }

    @Test
    void hostileHeadlinesBodiesAndCommentsKeepEveryFeedWellFormed() {
        String headline = "Tom & Jerry ]]> <script>alert(1)</script> \u0001bell\u000B \"quotes\" 'apos' \uFFFE end";
        String body = "A ]]> B & C <img src=x onerror=alert(1)> <![CDATA[x]]> \u0002\n\n<script>alert(2)</script>";
        String comment = "</content></entry><entry> ]]> & <b onmouseover=alert(3)>hi</b> \u0003";
        assertHostileTextSurvives(List.of(headline), body, comment);
    }

    @Test
    void payloadsFromTheSharedXssListKeepEveryFeedWellFormed() throws Exception {
        List<String> payloads =
                Files.readAllLines(SharedTestData.require("xss/payloadbox-xss-payload-list.txt")).stream()
                        .filter(line -> !line.isBlank() && line.indexOf('\0') < 0)
                        .limit(40)
                        .toList();
        assertHostileTextSurvives(payloads.subList(0, 20), String.join("\n\n", payloads), payloads.getLast());
    }

    private void assertHostileTextSurvives(List<String> headlines, String body, String commentText) {
        Section hostile = newsroom.section("Hostile");
        Author writer = newsroom.author("Mallory </name> & Co");
        List<ArticleSummary> stories = new ArrayList<>();
        for (String headline : headlines) {
            stories.add(newsroom.article(hostile, writer)
                    .headline(headline)
                    .standfirst(headline)
                    .body(body)
                    .tags(tagName)
                    .publish());
        }
        long storyId = stories.getFirst().id();
        comments.importComment(
                storyId, null, "Eve <script>", null, commentText, CommentStatus.APPROVED, clock.instant());

        for (String scope : List.of(
                "/feeds/all",
                "/feeds/section/" + hostile.path(),
                "/feeds/author/" + writer.slug(),
                "/feeds/tag/" + tag().slug(),
                "/feeds/comments/" + storyId)) {
            Document rss = FeedFormats.assertRss(http.get(scope + ".rss").body());
            Document atom =
                    FeedFormats.assertAtomStructure(http.get(scope + ".atom").body());
            FeedFormats.assertJsonFeed(http.get(scope + ".json").body());
            for (Element entry : items(atom)) {
                List<Element> content = children(entry, ATOM_NS, "content");
                if (!content.isEmpty()) {
                    assertThat(HtmlSafety.problems(content.getFirst().getTextContent()))
                            .as(scope)
                            .isEmpty();
                }
            }
            assertThat(items(rss)).as(scope).isNotEmpty();
        }
        String firstHeadline = news.broadsheet.shared.XmlText.clean(headlines.getFirst());
        Document atom = FeedFormats.strictXml(
                http.get("/feeds/section/" + hostile.path() + ".atom").body());
        assertThat(items(atom).stream().map(e -> text(e, ATOM_NS, "title"))).contains(firstHeadline);
        JsonNode json = FeedFormats.json(
                http.get("/feeds/section/" + hostile.path() + ".json").body());
        assertThat(json.path("items").findValuesAsString("title")).contains(headlines.getFirst());
    }

    private List<String> urls(String path) {
        return items(FeedFormats.assertRss(http.get(path).body())).stream()
                .map(item -> text(item, null, "link"))
                .toList();
    }

    private Http.Response conditional(String path, String header, String value) {
        return http.send(
                java.net.http.HttpRequest.newBuilder().header(header, value).GET(), path);
    }
}
