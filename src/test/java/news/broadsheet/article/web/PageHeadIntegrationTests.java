package news.broadsheet.article.web;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What pages tell search engines, link previews and feed readers in their head. */
@IntegrationTest(
        properties = {
            "broadsheet.comments.moderation=post",
            "broadsheet.site.base-url=https://news.example",
            "broadsheet.site.name=The Daily Test",
            "broadsheet.site.time-zone=Europe/Lisbon"
        })
class PageHeadIntegrationTests {

    private static final String BASE = "https://news.example";

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    final JsonMapper json = JsonMapper.builder().build();

    Section world;
    Section defense;
    Author reporter;

    @BeforeEach
    void setUp() {
        world = newsroom.section("World");
        defense = newsroom.subsection(world, "Defense");
        reporter = newsroom.author("Marta Quill");
    }

    @Test
    void articlePageHasCanonicalLinkPreviewAndFeedLinks() {
        ArticleSummary story = newsroom.article(defense, reporter)
                .headline("Harbour patrols doubled")
                .standfirst("The navy adds ships after a week of sightings.")
                .publish();

        Document page = http.get(story.url()).page();

        assertThat(page.select("link[rel=canonical]").eachAttr("href")).containsExactly(BASE + story.url());
        assertThat(meta(page, "description")).isEqualTo("The navy adds ships after a week of sightings.");
        assertThat(property(page, "og:type")).isEqualTo("article");
        assertThat(property(page, "og:url")).isEqualTo(BASE + story.url());
        assertThat(property(page, "og:title")).startsWith("Harbour patrols doubled");
        assertThat(property(page, "og:description")).isEqualTo("The navy adds ships after a week of sightings.");
        assertThat(property(page, "og:site_name")).isEqualTo("The Daily Test");
        assertThat(meta(page, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(property(page, "og:image")).as("the site card").isEqualTo(BASE + "/site-card.png");
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .containsExactly(
                        "/feeds/comments/" + story.id() + ".atom",
                        "/feeds/section/" + defense.path() + ".atom",
                        "/feeds/all.atom");
        assertThat(page.select("link[rel=alternate]")).hasSize(9);
        assertThat(page.select("meta[name=robots]")).isEmpty();
    }

    @Test
    void newsArticleStructuredDataDescribesTheStoryFieldByField() {
        Author second = newsroom.author("Ravi Okafor");
        ArticleSummary story = newsroom.article(defense, reporter)
                .coAuthor(second)
                .headline("Harbour patrols doubled")
                .standfirst("The navy adds ships after a week of sightings.")
                .tags("Naval affairs")
                .publish();
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        assertThat(editor.post(
                                "/admin/articles/" + story.id() + "/corrections",
                                "kind",
                                "correction",
                                "text",
                                "An earlier version named the wrong port.")
                        .status())
                .isEqualTo(302);
        assertThat(editor.post(
                                "/admin/articles/" + story.id() + "/corrections",
                                "kind",
                                "update",
                                "text",
                                "More ships.")
                        .status())
                .isEqualTo(302);

        List<JsonNode> graph = graph(http.get(story.url()).page());
        JsonNode article = ofType(graph, "NewsArticle");

        assertThat(article.get("headline").asString()).isEqualTo("Harbour patrols doubled");
        assertThat(article.get("description").asString()).isEqualTo("The navy adds ships after a week of sightings.");
        assertThat(article.get("url").asString()).isEqualTo(BASE + story.url());
        assertThat(article.get("mainEntityOfPage").asString()).isEqualTo(BASE + story.url());
        OffsetDateTime published =
                OffsetDateTime.parse(article.get("datePublished").asString());
        assertThat(published.toInstant()).isEqualTo(story.publishedAt());
        assertThat(published.getOffset().getId()).as("newsroom offset, Lisbon").isIn("Z", "+01:00");
        OffsetDateTime modified =
                OffsetDateTime.parse(article.get("dateModified").asString());
        assertThat(modified.toInstant()).isAfterOrEqualTo(published.toInstant());
        assertThat(article.get("author").valueStream().map(a -> a.get("name").asString()))
                .containsExactly("Marta Quill", "Ravi Okafor");
        assertThat(article.get("author").get(0).get("@type").asString()).isEqualTo("Person");
        assertThat(article.get("author").get(0).get("url").asString()).isEqualTo(BASE + reporter.url());
        assertThat(article.get("publisher").get("name").asString()).isEqualTo("The Daily Test");
        assertThat(article.get("publisher").get("url").asString()).isEqualTo(BASE + "/");
        assertThat(article.get("articleSection").asString()).isEqualTo("Defense");
        assertThat(article.get("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(article.get("keywords").valueStream().map(JsonNode::asString))
                .containsExactly("Naval affairs");
        assertThat(article.get("correction"))
                .as("corrections only, not updates")
                .hasSize(1);
        JsonNode correction = article.get("correction").get(0);
        assertThat(correction.get("@type").asString()).isEqualTo("CorrectionComment");
        assertThat(correction.get("text").asString()).isEqualTo("An earlier version named the wrong port.");
        OffsetDateTime.parse(correction.get("datePublished").asString());
        assertThat(article.has("image")).isFalse();

        JsonNode trail = ofType(graph, "BreadcrumbList").get("itemListElement");
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).get("position").asInt()).isEqualTo(1);
        assertThat(trail.get(0).get("name").asString()).isEqualTo("World");
        assertThat(trail.get(0).get("item").asString()).isEqualTo(BASE + world.url());
        assertThat(trail.get(1).get("position").asInt()).isEqualTo(2);
        assertThat(trail.get(1).get("item").asString()).isEqualTo(BASE + defense.url());
    }

    @Test
    void approvedCommentsAppearAsCommentItemsAndCannotBreakOutOfTheScript() {
        ArticleSummary story = newsroom.article(defense, reporter).publish();
        String hostile = "Fine </script><script>alert(1)</script> <!-- and \u2028 more";
        Http.Response first =
                http.postForm("/articles/" + story.id() + "/comments", form("name", "Ada Reader", "body", hostile));
        assertThat(first.status()).isEqualTo(303);
        String firstId = first.location().replaceAll(".*[?&]comment=published-(\\d+).*", "$1");
        http.postForm(
                "/articles/" + story.id() + "/comments",
                form("name", "Ben Replier", "body", "I agree.", "parentId", firstId));

        Document page = http.get(story.url()).page();

        assertThat(page.select("script:not([src])"))
                .as("only the JSON-LD data block")
                .hasSize(1);
        assertThat(page.select("script[src]").eachAttr("src"))
                .as("besides the site's own script files, the comments' among them")
                .allMatch(src -> src.matches("/assets/js/[a-z-]+-[0-9a-f]{32}\\.js"))
                .anyMatch(src -> src.startsWith("/assets/js/comments-"));
        JsonNode article = ofType(graph(page), "NewsArticle");
        assertThat(article.get("commentCount").asInt()).isEqualTo(2);
        assertThat(article.get("comment")).hasSize(1);
        JsonNode comment = article.get("comment").get(0);
        assertThat(comment.get("@type").asString()).isEqualTo("Comment");
        assertThat(comment.get("text").asString()).isEqualTo(hostile);
        assertThat(comment.get("author").get("name").asString()).isEqualTo("Ada Reader");
        assertThat(comment.get("url").asString()).isEqualTo(BASE + story.url() + "#comment-" + firstId);
        OffsetDateTime.parse(comment.get("dateCreated").asString());
        assertThat(comment.get("comment").get(0).get("text").asString()).isEqualTo("I agree.");
    }

    @Test
    void leadImageCropsBecomeThePreviewPictureAndStructuredDataImages() throws IOException {
        ArticleSummary story = newsroom.article(defense, reporter).publish();
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        assertThat(editor.upload(
                                "/admin/articles/" + story.id() + "/image",
                                Map.of("altText", "A frigate leaving port"),
                                "image",
                                "frigate.jpg",
                                "image/jpeg",
                                jpeg(1600, 1200))
                        .status())
                .isEqualTo(302);

        Document page = http.get(story.url()).page();

        String image = property(page, "og:image");
        assertThat(image).startsWith(BASE + "/media/").endsWith("-16x9.jpg");
        assertThat(property(page, "og:image:width")).isEqualTo("1200");
        assertThat(property(page, "og:image:height")).isEqualTo("675");
        assertThat(property(page, "og:image:alt")).isEqualTo("A frigate leaving port");
        assertThat(meta(page, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "twitter:image")).isEqualTo(image);
        assertThat(served(image)).isEqualTo(List.of(1200, 675));

        JsonNode images = ofType(graph(page), "NewsArticle").get("image");
        assertThat(images.valueStream().map(i -> i.get("@type").asString())).containsOnly("ImageObject");
        assertThat(images.get(0).get("url").asString()).isEqualTo(image);
        assertThat(images.valueStream()
                        .map(i ->
                                List.of(i.get("width").asInt(), i.get("height").asInt())))
                .as("16:9, 4:3 and 1:1 crops, then the picture as uploaded")
                .containsExactly(List.of(1200, 675), List.of(1200, 900), List.of(1200, 1200), List.of(1600, 1200));
        for (JsonNode each : images) {
            String url = each.get("url").asString();
            assertThat(url).startsWith(BASE + "/media/");
            assertThat(served(url))
                    .as("the size stated for " + url)
                    .isEqualTo(List.of(
                            each.get("width").asInt(), each.get("height").asInt()));
        }
    }

    @Test
    void pagesWithoutAPictureOfTheirOwnShowTheSiteCard() throws IOException {
        newsroom.article(defense, reporter).publish();

        for (String path : List.of("/", defense.url())) {
            Document page = http.get(path).page();
            assertThat(property(page, "og:image")).as(path).isEqualTo(BASE + "/site-card.png");
            assertThat(property(page, "og:image:width")).as(path).isEqualTo("1200");
            assertThat(property(page, "og:image:height")).as(path).isEqualTo("630");
            assertThat(meta(page, "twitter:image")).as(path).isEqualTo(BASE + "/site-card.png");
        }
        Http.Response card = http.get("/site-card.png");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.header("Content-Type")).isEqualTo("image/png");
        assertThat(card.header("Cache-Control")).contains("max-age=2592000");
        assertThat(served(BASE + "/site-card.png")).isEqualTo(List.of(1200, 630));
    }

    @Test
    void structuredDataLeavesOutLeadImageWidthsTooSmallForSearchEngines() throws IOException {
        ArticleSummary story = newsroom.article(defense, reporter).publish();
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        assertThat(editor.upload(
                                "/admin/articles/" + story.id() + "/image",
                                Map.of("altText", "A long thin coastline"),
                                "image",
                                "coast.jpg",
                                "image/jpeg",
                                jpeg(1000, 100))
                        .status())
                .isEqualTo(302);

        JsonNode images =
                ofType(graph(http.get(story.url()).page()), "NewsArticle").get("image");

        assertThat(images.valueStream().map(i -> i.get("width").asInt()))
                .as("960 x 96 has 92,160 pixels; 480 x 48 has too few")
                .containsExactly(1000, 960);
    }

    @Test
    void frontPageDescribesTheSiteItsSearchAndItsPublisher() {
        List<JsonNode> graph = graph(http.get("/").page());

        JsonNode website = ofType(graph, "WebSite");
        assertThat(website.get("url").asString()).isEqualTo(BASE + "/");
        assertThat(website.get("name").asString()).isEqualTo("The Daily Test");
        JsonNode search = website.get("potentialAction");
        assertThat(search.get("@type").asString()).isEqualTo("SearchAction");
        String template = search.get("target").get("urlTemplate").asString();
        assertThat(template).isEqualTo(BASE + "/search?q={search_term_string}");
        assertThat(search.get("query-input").asString()).isEqualTo("required name=search_term_string");
        assertThat(http.get(template.substring(BASE.length()).replace("{search_term_string}", "harbour"))
                        .status())
                .isEqualTo(200);

        JsonNode publisher = ofType(graph, "NewsMediaOrganization");
        assertThat(website.get("publisher").get("@id").asString())
                .isEqualTo(publisher.get("@id").asString());
        assertThat(publisher.get("name").asString()).isEqualTo("The Daily Test");
        assertThat(publisher.get("url").asString()).isEqualTo(BASE + "/");
        String logo = publisher.get("logo").get("url").asString();
        assertThat(logo).startsWith(BASE + "/").endsWith(".png");
        assertThat(publisher.get("logo").get("width").asInt()).isGreaterThanOrEqualTo(112);
        Http.Response image = http.get(logo.substring(BASE.length()));
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/png");
    }

    @Test
    void storiesNameTheirPublisherWithItsLogo() {
        ArticleSummary story = newsroom.article(defense, reporter).publish();

        JsonNode publisher =
                ofType(graph(http.get(story.url()).page()), "NewsArticle").get("publisher");

        assertThat(publisher.get("@type").asString()).isEqualTo("NewsMediaOrganization");
        assertThat(publisher.get("logo").get("url").asString()).startsWith(BASE + "/");
    }

    @Test
    void sectionFrontsCarryTheirBreadcrumbTrail() {
        newsroom.article(defense, reporter).publish();

        JsonNode trail =
                ofType(graph(http.get(defense.url()).page()), "BreadcrumbList").get("itemListElement");

        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).get("name").asString()).isEqualTo("World");
        assertThat(trail.get(0).get("item").asString()).isEqualTo(BASE + world.url());
        assertThat(trail.get(1).get("position").asInt()).isEqualTo(2);
        assertThat(trail.get(1).get("name").asString()).isEqualTo("Defense");
        assertThat(trail.get(1).get("item").asString()).isEqualTo(BASE + defense.url());
    }

    @Test
    void listPagesDescribeWhatTheyList() {
        ArticleSummary story =
                newsroom.article(defense, reporter).tags("Naval affairs").publish();
        String tagUrl = http.get(story.url()).page().selectFirst(".tags a").attr("href");

        assertThat(meta(http.get(tagUrl).page(), "description"))
                .isEqualTo("Stories about Naval affairs from The Daily Test.");
        assertThat(meta(http.get(reporter.url()).page(), "description"))
                .isEqualTo("Stories by Marta Quill from The Daily Test.");
        assertThat(meta(http.get(world.url()).page(), "description"))
                .as("the section's own description")
                .isEqualTo("About World.");
    }

    @Test
    void storyWithoutStandfirstIsDescribedByTheStartOfItsText() {
        ArticleSummary story = newsroom.article(defense, reporter)
                .standfirst("")
                .body("The harbour master said on Monday that " + "the port stays open to all shipping. ".repeat(10))
                .publish();

        String description = meta(http.get(story.url()).page(), "description");

        assertThat(description).startsWith("The harbour master said on Monday").endsWith("\u2026");
        assertThat(description.length()).isLessThanOrEqualTo(160);
    }

    @Test
    void listPagesHaveCanonicalLinksAndTheirOwnFeeds() {
        ArticleSummary story =
                newsroom.article(defense, reporter).tags("Naval affairs").publish();

        Document home = http.get("/").page();
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/");
        assertThat(home.select("link[rel=alternate]").eachAttr("href"))
                .containsExactly("/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json");
        assertThat(home.select("link[rel=alternate][type=application/feed+json]")
                        .attr("title"))
                .isEqualTo("The Daily Test (JSON Feed)");

        Document section = http.get(defense.url()).page();
        assertThat(section.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + defense.url());
        assertThat(section.select("link[rel=alternate]").eachAttr("href"))
                .containsExactly(
                        "/feeds/section/" + defense.path() + ".rss",
                        "/feeds/section/" + defense.path() + ".atom",
                        "/feeds/section/" + defense.path() + ".json");

        String tagUrl = http.get(story.url()).page().selectFirst(".tags a").attr("href");
        Document tag = http.get(tagUrl).page();
        assertThat(tag.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + tagUrl);
        assertThat(tag.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo("/feeds/tag/" + tagUrl.substring("/tag/".length()) + ".rss");

        Document author = http.get(reporter.url()).page();
        assertThat(author.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + reporter.url());
        assertThat(author.select("link[rel=alternate][type=application/rss+xml]")
                        .attr("href"))
                .isEqualTo("/feeds/author/" + reporter.slug() + ".rss");
    }

    @Test
    void everyFeedAndFooterLinkAnswers() {
        ArticleSummary story =
                newsroom.article(defense, reporter).tags("Naval affairs").publish();
        Document page = http.get(story.url()).page();
        List<String> links =
                new java.util.ArrayList<>(page.select("link[rel=alternate]").eachAttr("href"));
        links.addAll(page.select(".site-footer a").eachAttr("href"));
        assertThat(links).hasSizeGreaterThan(10);
        for (String link : links) {
            assertThat(http.get(link).status()).as(link).isEqualTo(200);
        }
    }

    @Test
    void searchPagesAskSearchEnginesNotToIndexThem() {
        Http.Response search = http.get("/search?q=harbour");
        assertThat(search.header("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(meta(search.page(), "robots")).isEqualTo("noindex, follow");
        assertThat(search.page().select("link[rel=canonical]")).isEmpty();
    }

    private List<JsonNode> graph(Document page) {
        Element script = page.selectFirst("script[type=application/ld+json]");
        assertThat(script).as("JSON-LD block").isNotNull();
        JsonNode root = json.readTree(script.data());
        assertThat(root.get("@context").asString()).isEqualTo("https://schema.org");
        return root.get("@graph").valueStream().toList();
    }

    private static JsonNode ofType(List<JsonNode> graph, String type) {
        return graph.stream()
                .filter(node -> node.get("@type").asString().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + graph));
    }

    private static String meta(Document page, String name) {
        return page.select("meta[name=" + name + "]").attr("content");
    }

    private static String property(Document page, String property) {
        return page.select("meta[property=" + property + "]").attr("content");
    }

    /** The width and height of the image served at this absolute address. */
    private List<Integer> served(String url) throws IOException {
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(http.bytes(url.substring(BASE.length()))));
        assertThat(image).as(url).isNotNull();
        return List.of(image.getWidth(), image.getHeight());
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
