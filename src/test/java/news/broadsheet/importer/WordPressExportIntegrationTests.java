package news.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.EditArticle;
import news.broadsheet.article.internal.ArticleWorkflow;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.ModerationAction;
import news.broadsheet.media.ImageUpload;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.media.TestImages;
import news.broadsheet.page.PageContent;
import news.broadsheet.page.Pages;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.SharedTestData;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The WordPress export, read back with a DOM the way an importer reads it, and checked against the
 * content made through the facades. Its own site settings give it a database of its own.
 */
@IntegrationTest(
        properties = {
            "broadsheet.site.name=The Export Desk",
            "broadsheet.site.time-zone=Europe/Lisbon",
            "broadsheet.site.base-url=https://news.example.org"
        })
class WordPressExportIntegrationTests {

    static final String WP = "http://wordpress.org/export/1.2/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String BROADSHEET = "https://broadsheet.news/export/wxr/1.0/";
    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    ArticleWorkflow workflow;

    @Autowired
    Comments comments;

    @Autowired
    MediaLibrary media;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    WordPressExporter exporter;

    @Autowired
    WordPressExportCommand command;

    @Autowired
    Pages pages;

    @Autowired
    Authors authors;

    Section world;
    Section worldEurope;
    Section businessEurope;
    Author lena;
    Author zoe;
    StaffPrincipal editor;
    StaffClient admin;

    @BeforeEach
    void setUp() {
        world = newsroom.section("World");
        worldEurope = newsroom.subsection(world, "Europe");
        Section business = newsroom.section("Business");
        // Two sections with one slug under different parents: WordPress nicenames must differ.
        businessEurope = newsroom.subsection(business, "Europe");
        newsroom.articles(); // the facade is ready
        lena = newsroom.author("Lena Brook");
        zoe = newsroom.author("Zoë Åberg-Núñez");
        Account account = newsroom.staff(Role.EDITOR);
        editor = new StaffPrincipal(account.id(), account.username(), account.displayName(), Role.EDITOR, true, "");
        Account adminAccount = newsroom.staff(Role.ADMIN);
        admin = StaffClient.signIn(http, adminAccount.username(), Newsroom.PASSWORD);
    }

    @Test
    void writesEveryStoryInEveryStatusWithItsSectionsTagsBylinesCommentsAndLeadImage() throws Exception {
        Instant now = clock.instant();
        String tag = Newsroom.unique("Energy prices");
        String markdown = "Prices in São Paulo and 東京 rose ]]> fell; the end marker ]]> twice.\n\n"
                + "A second paragraph with an emoji 🙂 and *emphasis*.";
        long published = newsroom.article(worldEurope, zoe)
                .coAuthor(lena)
                .headline("Naïve markets ]]> brave tariffs")
                .standfirst("Où est la « vérité » ? ]]>")
                .body(markdown)
                .tags(tag, "Trade")
                .publishedAt(now.minus(Duration.ofHours(5)).plusMillis(123))
                .create();
        long draft = newsroom.article(world, lena).status(ArticleStatus.DRAFT).create();
        long inReview =
                newsroom.article(world, lena).status(ArticleStatus.IN_REVIEW).create();
        long scheduled = newsroom.article(world, lena)
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(now.plus(Duration.ofDays(1)))
                .create();
        long unpublished =
                newsroom.article(world, lena).status(ArticleStatus.UNPUBLISHED).create();
        long embargoed = newsroom.article(businessEurope, lena).create();
        workflow.embargo(editor, embargoed, now.plus(Duration.ofHours(6)));
        long expiring = newsroom.article(world, lena).create();
        workflow.expire(editor, expiring, now.plus(Duration.ofMinutes(10)));

        // The editor adds what only the workflow sets: another section, SEO text, a correction, a lead image.
        var current = workflow.draft(editor, published).orElseThrow();
        workflow.save(
                editor,
                published,
                current.version(),
                new EditArticle(
                        current.headline(),
                        current.standfirst(),
                        current.bodyMarkdown(),
                        current.slug(),
                        current.sectionId(),
                        List.of(businessEurope.id()),
                        current.tagNames(),
                        current.authorIds(),
                        "Markets and tariffs",
                        "How tariffs move markets.",
                        false));
        workflow.correct(editor, published, "correction", "An earlier version misspelt São Paulo.");
        StoredImage image = media.store(
                new ImageUpload(
                        "harbour.jpg",
                        TestImages.encode(TestImages.picture(800, 600), "jpeg"),
                        "Cranes over a harbour at dusk",
                        "The port of Lisbon",
                        "Staff photographer"),
                editor.accountId());
        workflow.setLeadImage(editor, published, image.id());

        // A thread in every moderation state, three levels deep.
        Instant posted = now.minus(Duration.ofHours(4));
        long first = comments.importComment(
                published,
                null,
                "Ana",
                "ana@example.org",
                "First! ]]> <b>bold?</b>",
                CommentStatus.APPROVED,
                posted.plusMillis(456));
        long reply = comments.importComment(
                published,
                first,
                "Bruno",
                null,
                "A reply.\nOn two lines.",
                CommentStatus.APPROVED,
                posted.plusSeconds(60));
        long replyToReply = comments.importComment(
                published,
                reply,
                "Chloé",
                "chloe@example.org",
                "Deeper.",
                CommentStatus.PENDING,
                posted.plusSeconds(120));
        long spam = comments.importComment(
                published,
                null,
                "Buy now",
                "spam@example.org",
                "Cheap watches",
                CommentStatus.SPAM,
                posted.plusSeconds(180));
        long rejected = comments.importComment(
                published, null, "Dan", null, "Off topic.", CommentStatus.REJECTED, posted.plusSeconds(240));
        comments.moderate(new Actor(null, "test"), List.of(first), ModerationAction.FEATURE, null);
        long otherStoryComment = comments.importComment(
                embargoed, null, "Eve", null, "On another story.", CommentStatus.APPROVED, posted);

        // Ten minutes on, the expiring story is past its expiry; the scheduler takes it down.
        clock.advance(Duration.ofMinutes(11));
        workflow.runDue();

        Http.Response response = admin.get("/admin/export");
        assertThat(response.status()).isEqualTo(200);
        String today = LocalDate.ofInstant(clock.instant(), LISBON).toString();
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"broadsheet-" + today + ".xml\"");
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        Document wxr = parse(response.body());

        Element channel = first(wxr.getDocumentElement(), null, "channel");
        assertThat(wxr.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        assertThat(text(channel, null, "title")).isEqualTo("The Export Desk");
        assertThat(text(channel, WP, "wxr_version")).isEqualTo("1.2");
        assertThat(text(channel, WP, "base_site_url")).isEqualTo("https://news.example.org");
        assertThat(text(channel, WP, "base_blog_url")).isEqualTo("https://news.example.org");

        // Authors: every byline author, by slug.
        Map<String, Element> authors = new LinkedHashMap<>();
        for (Element author : children(channel, WP, "author")) {
            authors.put(text(author, WP, "author_login"), author);
        }
        assertThat(authors).hasSize(database.count("author"));
        Element zoeElement = authors.get(zoe.slug());
        assertThat(text(zoeElement, WP, "author_id")).isEqualTo(Long.toString(zoe.id()));
        assertThat(text(zoeElement, WP, "author_display_name")).isEqualTo("Zoë Åberg-Núñez");
        assertThat(text(zoeElement, WP, "author_first_name")).isEqualTo("Zoë");
        assertThat(text(zoeElement, WP, "author_last_name")).isEqualTo("Åberg-Núñez");

        // Sections become categories, parents by nicename; nicenames stay unique.
        Map<String, Element> categories = new LinkedHashMap<>();
        for (Element category : children(channel, WP, "category")) {
            Element previous = categories.put(text(category, WP, "category_nicename"), category);
            assertThat(previous).as("nicenames are unique").isNull();
        }
        assertThat(categories).hasSize(database.count("section"));
        Element worldCategory = categories.get(world.slug());
        assertThat(text(worldCategory, WP, "category_parent")).isEmpty();
        assertThat(text(worldCategory, WP, "cat_name")).isEqualTo("World");
        assertThat(text(worldCategory, WP, "category_description")).isEqualTo("About World.");
        Element worldEuropeCategory = categoryWithPath(categories, worldEurope.path());
        Element businessEuropeCategory = categoryWithPath(categories, businessEurope.path());
        assertThat(text(worldEuropeCategory, WP, "category_parent")).isEqualTo(world.slug());
        assertThat(text(worldEuropeCategory, WP, "category_nicename"))
                .isNotEqualTo(text(businessEuropeCategory, WP, "category_nicename"));

        // Tags, with term ids apart from the categories'.
        List<String> tagSlugs = children(channel, WP, "tag").stream()
                .map(t -> text(t, WP, "tag_slug"))
                .toList();
        assertThat(tagSlugs).hasSize(database.count("tag")).contains(news.broadsheet.shared.Slugs.from(tag), "trade");
        List<String> termIds = new ArrayList<>();
        children(channel, WP, "category").forEach(c -> termIds.add(text(c, WP, "term_id")));
        children(channel, WP, "tag").forEach(t -> termIds.add(text(t, WP, "term_id")));
        assertThat(termIds).doesNotHaveDuplicates();

        // Items: one post per story, one attachment per image, unique post ids.
        List<Element> items = children(channel, null, "item");
        Map<Long, Element> posts = new LinkedHashMap<>();
        Map<Long, Element> attachments = new LinkedHashMap<>();
        for (Element item : items) {
            long id = Long.parseLong(text(item, WP, "post_id"));
            Map<Long, Element> kind = "attachment".equals(text(item, WP, "post_type")) ? attachments : posts;
            assertThat(kind.put(id, item)).as("post id " + id + " is unique").isNull();
        }
        assertThat(posts).hasSize(database.count("article"));
        assertThat(attachments).hasSize(database.count("image"));
        assertThat(attachments.keySet()).doesNotContainAnyElementsOf(posts.keySet());

        // Statuses.
        assertThat(text(posts.get(published), WP, "status")).isEqualTo("publish");
        assertThat(text(posts.get(draft), WP, "status")).isEqualTo("draft");
        assertThat(text(posts.get(inReview), WP, "status")).isEqualTo("pending");
        assertThat(text(posts.get(scheduled), WP, "status")).isEqualTo("future");
        assertThat(text(posts.get(unpublished), WP, "status")).isEqualTo("draft");
        assertThat(text(posts.get(embargoed), WP, "status")).isEqualTo("private");
        assertThat(text(posts.get(expiring), WP, "status")).isEqualTo("draft");
        assertThat(meta(posts.get(draft)).get("_broadsheet_status")).containsExactly("draft");
        assertThat(meta(posts.get(inReview)).get("_broadsheet_status")).containsExactly("in_review");
        assertThat(meta(posts.get(scheduled)).get("_broadsheet_status")).containsExactly("scheduled");
        assertThat(meta(posts.get(unpublished)).get("_broadsheet_status")).containsExactly("unpublished");
        assertThat(meta(posts.get(embargoed)).get("_broadsheet_status")).containsExactly("published");
        assertThat(meta(posts.get(embargoed)).get("_broadsheet_embargo_until"))
                .containsExactly(now.plus(Duration.ofHours(6)).toString());
        assertThat(meta(posts.get(expiring)).get("_broadsheet_status")).containsExactly("unpublished");
        assertThat(meta(posts.get(expiring)).get("_broadsheet_expires_at"))
                .containsExactly(now.plus(Duration.ofMinutes(10)).toString());
        assertThat(text(posts.get(draft), WP, "post_date_gmt")).isEqualTo("0000-00-00 00:00:00");

        // The full story, field by field.
        Element story = posts.get(published);
        Instant publishedAt = now.minus(Duration.ofHours(5)).plusMillis(123);
        String url = "https://news.example.org/" + worldEurope.path() + "/"
                + DateTimeFormatter.ofPattern("yyyy/MM/dd").format(publishedAt.atZone(LISBON)) + "/";
        assertThat(text(story, null, "title")).isEqualTo("Naïve markets ]]> brave tariffs");
        assertThat(text(story, null, "link")).startsWith(url);
        assertThat(text(story, null, "pubDate"))
                .isEqualTo(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", java.util.Locale.ENGLISH)
                        .format(publishedAt.atOffset(ZoneOffset.UTC)));
        assertThat(text(story, DC, "creator")).isEqualTo(zoe.slug());
        assertThat(first(story, null, "guid").getAttribute("isPermaLink")).isEqualTo("false");
        String bodyHtml = database.jdbc()
                .sql("SELECT body_html FROM article WHERE id = ?")
                .param(published)
                .query(String.class)
                .single();
        assertThat(text(story, CONTENT, "encoded")).isEqualTo(bodyHtml).contains("東京", "São Paulo");
        assertThat(text(story, EXCERPT, "encoded")).isEqualTo("Où est la « vérité » ? ]]>");
        assertThat(text(story, WP, "post_date")).isEqualTo(WP_DATE.format(publishedAt.atZone(LISBON)));
        assertThat(text(story, WP, "post_date_gmt")).isEqualTo(WP_DATE.format(publishedAt.atOffset(ZoneOffset.UTC)));
        assertThat(text(story, WP, "post_modified_gmt")).isNotEmpty();
        assertThat(text(story, WP, "comment_status")).isEqualTo("closed");
        assertThat(text(story, WP, "post_name"))
                .isEqualTo(workflow.draft(editor, published).orElseThrow().slug());
        assertThat(text(story, WP, "post_type")).isEqualTo("post");
        assertThat(categoriesOf(story, "category"))
                .containsExactly(
                        text(worldEuropeCategory, WP, "category_nicename"),
                        text(businessEuropeCategory, WP, "category_nicename"));
        assertThat(categoriesOf(story, "post_tag"))
                .containsExactlyInAnyOrder(news.broadsheet.shared.Slugs.from(tag), "trade");
        Map<String, List<String>> meta = meta(story);
        assertThat(meta.get("_broadsheet_markdown")).containsExactly(markdown);
        assertThat(meta.get("_broadsheet_section")).containsExactly(worldEurope.path());
        assertThat(meta.get("_broadsheet_extra_section")).containsExactly(businessEurope.path());
        assertThat(meta.get("_broadsheet_byline")).containsExactly(zoe.slug(), lena.slug());
        assertThat(meta.get("_broadsheet_published_at")).containsExactly(publishedAt.toString());
        assertThat(meta.get("_broadsheet_seo_title")).containsExactly("Markets and tariffs");
        assertThat(meta.get("_broadsheet_seo_description")).containsExactly("How tariffs move markets.");
        assertThat(meta.get("_broadsheet_correction"))
                .singleElement()
                .satisfies(json ->
                        assertThat(json).contains("\"kind\":\"correction\"", "An earlier version misspelt São Paulo."));

        // The lead image: an attachment the story points at with _thumbnail_id.
        Element attachment =
                attachments.get(Long.parseLong(meta.get("_thumbnail_id").getFirst()));
        assertThat(attachment).isNotNull();
        assertThat(text(attachment, WP, "attachment_url")).isEqualTo("https://news.example.org" + image.url());
        assertThat(text(attachment, WP, "status")).isEqualTo("inherit");
        assertThat(text(attachment, EXCERPT, "encoded")).isEqualTo("The port of Lisbon");
        assertThat(meta(attachment).get("_wp_attachment_image_alt")).containsExactly("Cranes over a harbour at dusk");
        assertThat(meta(attachment).get("_broadsheet_credit")).containsExactly("Staff photographer");

        // Comments: every state, threaded, with their authors and exact times; no addresses.
        Map<Long, Element> storyComments = new LinkedHashMap<>();
        for (Element comment : children(story, WP, "comment")) {
            storyComments.put(Long.parseLong(text(comment, WP, "comment_id")), comment);
        }
        assertThat(storyComments.keySet()).containsExactly(first, reply, replyToReply, spam, rejected);
        assertThat(text(storyComments.get(first), WP, "comment_content")).isEqualTo("First! ]]> <b>bold?</b>");
        assertThat(text(storyComments.get(first), WP, "comment_author_email")).isEqualTo("ana@example.org");
        assertThat(text(storyComments.get(first), WP, "comment_author_IP")).isEmpty();
        assertThat(text(storyComments.get(first), WP, "comment_date_gmt"))
                .isEqualTo(WP_DATE.format(posted.plusMillis(456).atOffset(ZoneOffset.UTC)));
        assertThat(commentMeta(storyComments.get(first)))
                .containsEntry("_broadsheet_posted_at", posted.plusMillis(456).toString())
                .containsEntry("_broadsheet_featured", "1");
        assertThat(text(storyComments.get(reply), WP, "comment_parent")).isEqualTo(Long.toString(first));
        assertThat(text(storyComments.get(reply), WP, "comment_content")).isEqualTo("A reply.\nOn two lines.");
        assertThat(text(storyComments.get(replyToReply), WP, "comment_parent")).isEqualTo(Long.toString(reply));
        assertThat(text(storyComments.get(first), WP, "comment_approved")).isEqualTo("1");
        assertThat(text(storyComments.get(replyToReply), WP, "comment_approved"))
                .isEqualTo("0");
        assertThat(text(storyComments.get(spam), WP, "comment_approved")).isEqualTo("spam");
        assertThat(text(storyComments.get(rejected), WP, "comment_approved")).isEqualTo("trash");
        assertThat(children(posts.get(embargoed), WP, "comment"))
                .singleElement()
                .satisfies(c -> assertThat(text(c, WP, "comment_id")).isEqualTo(Long.toString(otherStoryComment)));
        long allComments =
                items.stream().mapToLong(i -> children(i, WP, "comment").size()).sum();
        assertThat(allComments).isEqualTo(database.count("comment"));

        // The download is in the audit log.
        assertThat(database.jdbc()
                        .sql("SELECT detail FROM audit_event WHERE action = 'site.exported' ORDER BY id DESC")
                        .query(String.class)
                        .list())
                .first()
                .asString()
                .contains("broadsheet-" + today + ".xml", database.count("article") + " stories");
    }

    @Test
    void writesPagesAsWordPressPagesAndBylineDetailsInBroadsheetsNamespace() throws Exception {
        Actor actor = new Actor(null, "test");
        String aboutSlug = Newsroom.unique("about");
        long about = pages.create(
                PageContent.markdown(aboutSlug, "About ]]> us", "We report **the news**.\n\nCafé ]]> 東京")
                        .describedAs("Who we are.")
                        .inFooter(3),
                actor);
        pages.publish(about, pages.byId(about).orElseThrow().version(), null, actor);
        String draftSlug = Newsroom.unique("imprint");
        long draftPage = pages.create(PageContent.html(draftSlug, "Imprint", "<p>Printed <b>here</b>.</p>"), actor);
        Author writer = newsroom.author("Mara Quist");
        authors.update(
                writer.id(),
                new news.broadsheet.author.AuthorDetails(
                        writer.slug(),
                        "Mara Quist",
                        "Energy correspondent",
                        "Mara covers *energy*.",
                        "mara@example.org",
                        "https://mara.example.org",
                        List.of("https://social.example/@mara"),
                        null),
                actor);

        Document wxr = parse(export());
        Element channel = first(wxr.getDocumentElement(), null, "channel");
        List<Element> pageItems = itemsOfType(channel, "page");
        assertThat(pageItems).hasSize(pages.all().size());
        Element aboutItem = pageItems.stream()
                .filter(i -> text(i, WP, "post_name").equals(aboutSlug))
                .findFirst()
                .orElseThrow();
        assertThat(text(aboutItem, null, "title")).isEqualTo("About ]]> us");
        assertThat(text(aboutItem, null, "link")).isEqualTo("https://news.example.org/" + aboutSlug);
        assertThat(text(aboutItem, WP, "status")).isEqualTo("publish");
        assertThat(text(aboutItem, WP, "menu_order")).isEqualTo("3");
        assertThat(text(aboutItem, EXCERPT, "encoded")).isEqualTo("Who we are.");
        assertThat(text(aboutItem, CONTENT, "encoded")).contains("<strong>the news</strong>", "東京");
        assertThat(meta(aboutItem))
                .containsEntry("_broadsheet_markdown", List.of("We report **the news**.\n\nCafé ]]> 東京"))
                .containsEntry("_broadsheet_status", List.of("published"))
                .containsEntry("_broadsheet_in_footer", List.of("1"));
        Element draftItem = pageItems.stream()
                .filter(i -> text(i, WP, "post_name").equals(draftSlug))
                .findFirst()
                .orElseThrow();
        assertThat(text(draftItem, WP, "status")).isEqualTo("draft");
        assertThat(meta(draftItem))
                .containsEntry("_broadsheet_html", List.of("<p>Printed <b>here</b>.</p>"))
                .containsEntry("_broadsheet_in_footer", List.of("0"));
        List<Long> postIds = children(channel, null, "item").stream()
                .map(i -> Long.parseLong(text(i, WP, "post_id")))
                .toList();
        assertThat(postIds).doesNotHaveDuplicates();
        assertThat(draftPage).isPositive();

        Element author = children(channel, WP, "author").stream()
                .filter(a -> text(a, WP, "author_login").equals(writer.slug()))
                .findFirst()
                .orElseThrow();
        assertThat(text(author, WP, "author_email")).isEqualTo("mara@example.org");
        assertThat(text(author, BROADSHEET, "author_bio")).isEqualTo("Mara covers *energy*.");
        assertThat(text(author, BROADSHEET, "author_job_title")).isEqualTo("Energy correspondent");
        assertThat(text(author, BROADSHEET, "author_website")).isEqualTo("https://mara.example.org");
        assertThat(text(author, BROADSHEET, "author_profile")).isEqualTo("https://social.example/@mara");
    }

    @Test
    void makesLinksInBodiesAbsoluteForTheirNewSite() throws Exception {
        long id = newsroom.article(world, lena)
                .body("See [the world desk](/" + world.path() + ") and [elsewhere](https://example.org/x).")
                .create();
        Element story = posts(parse(export())).get(id);
        assertThat(text(story, CONTENT, "encoded"))
                .contains("href=\"https://news.example.org/" + world.path() + "\"", "href=\"https://example.org/x\"");
        assertThat(meta(story).get("_broadsheet_markdown").getFirst()).contains("](/" + world.path() + ")");
    }

    @Test
    void keepsCarriageReturnsAndDropsCharactersXmlCannotCarry() throws Exception {
        long id = newsroom.article(world, lena)
                .headline("Bell\u0007 and tab\tkept")
                .body("Line one\r\nline two")
                .create();
        Element story = posts(parse(export())).get(id);
        assertThat(text(story, null, "title")).isEqualTo("Bell and tab\tkept");
        assertThat(meta(story).get("_broadsheet_markdown")).containsExactly("Line one\r\nline two");
    }

    @Test
    void theCommandWritesTheFileWholeAndRecordsItInTheAuditLog(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        long id =
                newsroom.article(world, lena).headline("From the command line").create();
        java.nio.file.Path file = folder.resolve("site.xml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = command.run(
                WordPressExportCommand.parse(List.of(file.toString())),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Wrote " + file)
                .contains(database.count("article") + " stories");
        assertThat(text(posts(parseFile(file)).get(id), null, "title")).isEqualTo("From the command line");
        try (var left = java.nio.file.Files.list(folder)) {
            assertThat(left.toList()).as("no partial file left behind").containsExactly(file);
        }
        assertThat(database.jdbc()
                        .sql("SELECT actor_name FROM audit_event WHERE action = 'site.exported' AND detail LIKE ?")
                        .param("%" + file + "%")
                        .query(String.class)
                        .list())
                .containsExactly("wordpress export (command line)");
    }

    @Test
    void theCommandRefusesWrongArgumentsWithAReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> WordPressExportCommand.parse(List.of()))
                .withMessage("no output file given; usage: export-wordpress OUT.xml");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> WordPressExportCommand.parse(List.of("a.xml", "--force")))
                .withMessage("unexpected argument --force; usage: export-wordpress OUT.xml");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> WordPressExportCommand.parse(
                        List.of(folder.resolve("missing/site.xml").toString())))
                .withMessageStartingWith("no such folder: ");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> WordPressExportCommand.parse(List.of(folder.toString())))
                .withMessageEndingWith("is a folder; give a file name, such as site.xml");
    }

    @Test
    void onlyAdminsMayDownloadTheExport() {
        Account editorAccount = newsroom.staff(Role.EDITOR);
        StaffClient signedInEditor = StaffClient.signIn(http, editorAccount.username(), Newsroom.PASSWORD);
        assertThat(signedInEditor.get("/admin/export").status()).isEqualTo(403);
        Http.Response anonymous = http.get("/admin/export");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).isEqualTo("/login");
        assertThat(admin.get("/admin").page().select("nav a[href=/admin/export]"))
                .as("the admin navigation links to the export")
                .isNotEmpty();
        assertThat(signedInEditor.get("/admin").page().select("a[href=/admin/export]"))
                .isEmpty();
    }

    @Test
    void pagesThroughMoreStoriesAndCommentsThanOnePageHoldsWithoutLosingOrRepeatingAny() throws Exception {
        Section desk = newsroom.section("Paging desk");
        List<Long> stories = new ArrayList<>();
        for (int i = 0; i < 205; i++) {
            stories.add(newsroom.article(desk, lena).create());
        }
        long busy = stories.get(199); // the last story of the first page of 200
        long next = stories.get(200);
        Instant posted = clock.instant().minus(Duration.ofHours(1));
        List<Long> busyComments = new ArrayList<>();
        for (int i = 0; i < 1003; i++) {
            busyComments.add(comments.importComment(
                    busy, null, "Reader " + i, null, "Comment " + i, CommentStatus.APPROVED, posted.plusSeconds(i)));
        }
        long nextComment =
                comments.importComment(next, null, "Late", null, "On the next page.", CommentStatus.PENDING, posted);

        Document wxr = parse(export());
        Map<Long, Element> posts = posts(wxr);
        assertThat(posts.keySet()).containsAll(stories);
        assertThat(posts).hasSize(database.count("article"));
        assertThat(children(posts.get(busy), WP, "comment").stream()
                        .map(c -> Long.parseLong(text(c, WP, "comment_id")))
                        .toList())
                .isEqualTo(busyComments);
        assertThat(children(posts.get(next), WP, "comment").stream()
                        .map(c -> Long.parseLong(text(c, WP, "comment_id")))
                        .toList())
                .containsExactly(nextComment);
        long written = posts.values().stream()
                .mapToLong(p -> children(p, WP, "comment").size())
                .sum();
        assertThat(written).isEqualTo(database.count("comment"));
    }

    /**
     * WordPress's importer reads elements by name, but our file should look like one WordPress
     * wrote: every element WordPress 4.0 put in each kind of record is there, in WordPress's order.
     */
    @Test
    void laysOutRecordsAsWordPressItselfDoes() throws Exception {
        Document reference = parseFile(SharedTestData.require("wxr/cc-labs-wordpress.xml"));
        Document attachmentReference =
                parseFile(SharedTestData.require("wxr/wordpress-importer-fixtures/wxr-flat-attachment-same-site.xml"));
        long id = newsroom.article(world, lena).tags("Layout").create();
        comments.importComment(
                id, null, "Ana", "ana@example.org", "A comment.", CommentStatus.APPROVED, clock.instant());
        media.store(
                new ImageUpload("map.png", TestImages.encode(TestImages.picture(300, 200), "png"), "A map", "", ""),
                editor.accountId());
        Document ours = parse(export());
        Element ourChannel = first(ours.getDocumentElement(), null, "channel");
        Element theirChannel = first(reference.getDocumentElement(), null, "channel");

        assertSameLayout("channel", List.of(ourChannel), List.of(theirChannel), "item", "author", "category", "tag");
        assertSameLayout("author", children(ourChannel, WP, "author"), children(theirChannel, WP, "author"));
        assertSameLayout("category", children(ourChannel, WP, "category"), children(theirChannel, WP, "category"));
        assertSameLayout("tag", children(ourChannel, WP, "tag"), children(theirChannel, WP, "tag"));
        List<Element> ourPosts = itemsOfType(ourChannel, "post");
        List<Element> theirPosts = itemsOfType(theirChannel, "post");
        assertSameLayout("post", ourPosts, theirPosts);
        assertSameLayout(
                "comment",
                ourPosts.stream()
                        .flatMap(p -> children(p, WP, "comment").stream())
                        .toList(),
                theirPosts.stream()
                        .flatMap(p -> children(p, WP, "comment").stream())
                        .toList());
        assertSameLayout(
                "attachment",
                itemsOfType(ourChannel, "attachment"),
                itemsOfType(first(attachmentReference.getDocumentElement(), null, "channel"), "attachment"));
    }

    private static List<Element> itemsOfType(Element channel, String type) {
        return children(channel, null, "item").stream()
                .filter(i -> type.equals(text(i, WP, "post_type")))
                .toList();
    }

    /**
     * Every element name found in all of WordPress's records of a kind is in each of ours, and the
     * names both have come in the same order.
     */
    private static void assertSameLayout(String kind, List<Element> ours, List<Element> theirs, String... ignored) {
        assertThat(ours).as("our " + kind + " records").isNotEmpty();
        assertThat(theirs).as("WordPress's " + kind + " records").isNotEmpty();
        List<String> skip = List.of(ignored);
        List<List<String>> theirLayouts =
                theirs.stream().map(e -> layout(e, skip)).toList();
        java.util.Set<String> always = new java.util.LinkedHashSet<>(theirLayouts.getFirst());
        theirLayouts.forEach(always::retainAll);
        for (Element record : ours) {
            List<String> mine = layout(record, skip);
            assertThat(mine)
                    .as(kind + " has every element WordPress always writes")
                    .containsAll(always);
            for (List<String> theirLayout : theirLayouts) {
                List<String> common =
                        mine.stream().filter(theirLayout::contains).toList();
                List<String> theirCommon =
                        theirLayout.stream().filter(mine::contains).toList();
                assertThat(common).as(kind + " elements in WordPress's order").isEqualTo(theirCommon);
            }
        }
    }

    /** The names of an element's children, each once, in order of first appearance. */
    private static List<String> layout(Element element, List<String> skip) {
        List<String> names = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && !skip.contains(child.getLocalName())) {
                String name = child.getNamespaceURI() + " " + child.getLocalName();
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static Document parseFile(java.nio.file.Path file) throws Exception {
        return parse(java.nio.file.Files.readString(file, StandardCharsets.UTF_8));
    }

    private String export() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    // ---- Reading WXR with a DOM ----

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setCoalescing(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static Map<Long, Element> posts(Document wxr) {
        Map<Long, Element> posts = new LinkedHashMap<>();
        for (Element item : children(first(wxr.getDocumentElement(), null, "channel"), null, "item")) {
            if ("post".equals(text(item, WP, "post_type"))) {
                posts.put(Long.parseLong(text(item, WP, "post_id")), item);
            }
        }
        return posts;
    }

    static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && name.equals(element.getLocalName())
                    && java.util.Objects.equals(namespace, element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    static Element first(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        assertThat(found).as(name + " in " + parent.getLocalName()).isNotEmpty();
        return found.getFirst();
    }

    static String text(Element parent, String namespace, String name) {
        return first(parent, namespace, name).getTextContent();
    }

    static Map<String, List<String>> meta(Element item) {
        Map<String, List<String>> meta = new LinkedHashMap<>();
        for (Element pair : children(item, WP, "postmeta")) {
            meta.computeIfAbsent(text(pair, WP, "meta_key"), k -> new ArrayList<>())
                    .add(text(pair, WP, "meta_value"));
        }
        return meta;
    }

    static Map<String, String> commentMeta(Element comment) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (Element pair : children(comment, WP, "commentmeta")) {
            meta.put(text(pair, WP, "meta_key"), text(pair, WP, "meta_value"));
        }
        return meta;
    }

    static List<String> categoriesOf(Element item, String domain) {
        return children(item, null, "category").stream()
                .filter(c -> domain.equals(c.getAttribute("domain")))
                .map(c -> c.getAttribute("nicename"))
                .toList();
    }

    private static Element categoryWithPath(Map<String, Element> categories, String path) {
        return categories.values().stream()
                .filter(c -> children(c, WP, "termmeta").stream()
                        .anyMatch(m -> text(m, WP, "meta_key").equals("_broadsheet_path")
                                && text(m, WP, "meta_value").equals(path)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no category with path " + path));
    }
}
