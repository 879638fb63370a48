package news.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.EditableArticle;
import news.broadsheet.article.EditorialDesk;
import news.broadsheet.media.TestImages;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A WordPress export of our own, imported through the real facades and read back over HTTP. */
@IntegrationTest
class WordPressImportIntegrationTests {

    static final Actor ACTOR = new Actor(null, "test import");

    @Autowired
    WordPressImporter importer;

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries db;

    @Autowired
    EditorialDesk desk;

    @Autowired
    news.broadsheet.page.Pages pages;

    @Autowired
    Newsroom newsroom;

    @TempDir
    Path temp;

    private Path media() throws IOException {
        Path media = temp.resolve("uploads");
        Files.createDirectories(media.resolve("2026/01"));
        Files.write(media.resolve("2026/01/quay.png"), TestImages.encode(TestImages.picture(640, 400), "png"));
        return media;
    }

    private ImportReport importFixture(String key, boolean larger, ImportOptions options) throws IOException {
        Path file = WxrFixture.write(temp, key + (larger ? "-larger" : "") + ".xml", WxrFixture.xml(key, larger));
        return importer.importFile(file, options, ACTOR, ImportProgress.NONE);
    }

    /** Imports the fixture's export for this key; returns its text, to make a later export from. */
    private String importedFirst(String key) throws IOException {
        String first = WxrFixture.xml(key, false);
        importer.importFile(
                WxrFixture.write(temp, key + "-first.xml", first),
                new ImportOptions(null, false, false),
                ACTOR,
                ImportProgress.NONE);
        return first;
    }

    private static final boolean DRY_RUN = true;
    private static final boolean FOR_REAL = false;

    /** Imports an export file, images from {@code media} when given, no accounts. */
    private ImportReport run(Path file, @Nullable Path media, boolean dryRun) throws IOException {
        return importer.importFile(file, new ImportOptions(media, dryRun, false), ACTOR, ImportProgress.NONE);
    }

    /** The dry run counted every kind as the import that followed it did. */
    private static void assertSameCounts(ImportReport dry, ImportReport real) {
        for (String kind : ImportReport.KINDS) {
            assertThat(dry.count(kind)).as("the dry run's count of " + kind).isEqualTo(real.count(kind));
        }
    }

    private long target(String key, String kind, String wpId) {
        return db.jdbc()
                .sql("SELECT target_id FROM wp_import_item WHERE site = ? AND kind = ? AND wp_id = ?")
                .params(WxrFixture.site(key), kind, wpId)
                .query(Long.class)
                .single();
    }

    private String status(long articleId) {
        return db.jdbc()
                .sql("SELECT status FROM article WHERE id = ?")
                .param(articleId)
                .query(String.class)
                .single();
    }

    @Test
    void importsPostsWithStatusesBylinesSectionsTagsAndCountsEveryKind() throws IOException {
        String key = Newsroom.unique("gazette");
        ImportReport report = importFixture(key, false, new ImportOptions(media(), false, false));

        assertThat(report.count("stories")).isEqualTo(new ImportReport.Counts(6, 5, 0, 1));
        assertThat(report.count("comments")).isEqualTo(new ImportReport.Counts(5, 5, 0, 0));
        assertThat(report.count("authors")).isEqualTo(new ImportReport.Counts(2, 2, 0, 0));
        assertThat(report.count("sections")).isEqualTo(new ImportReport.Counts(2, 2, 0, 0));
        assertThat(report.count("tags")).isEqualTo(new ImportReport.Counts(2, 2, 0, 0));
        assertThat(report.count("images")).isEqualTo(new ImportReport.Counts(2, 1, 0, 1));
        assertThat(report.count("pages")).isEqualTo(new ImportReport.Counts(1, 1, 0, 0));
        assertThat(report.count("other")).isEqualTo(new ImportReport.Counts(1, 0, 0, 1));
        assertThat(report.skipped())
                .extracting(ImportReport.Skipped::wpId, ImportReport.Skipped::reason)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("106", "status trash is not imported"),
                        org.assertj.core.groups.Tuple.tuple("111", "file not found: 2026/01/chart.png"),
                        org.assertj.core.groups.Tuple.tuple("109", "post type nav_menu_item is not imported"));
        assertThat(report.unknownShortcodes()).containsEntry("footnote", 1);
        assertThat(report.toText()).contains("publish -> published").contains("[footnote] 1 use");

        assertThat(status(target(key, "story", "101"))).isEqualTo("published");
        assertThat(status(target(key, "story", "102"))).isEqualTo("draft");
        assertThat(status(target(key, "story", "103"))).isEqualTo("scheduled");
        assertThat(status(target(key, "story", "104"))).isEqualTo("in_review");
        assertThat(status(target(key, "story", "105"))).isEqualTo("unpublished");

        // The workflow saw every story: a revision and an audit entry each, and the search change log.
        long storm = target(key, "story", "101");
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM article_revision WHERE article_id = ?")
                        .param(storm)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'article.imported' AND subject_id = ?")
                        .param(storm)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM search_article_change WHERE article_id = ?")
                        .param(storm)
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void showsTheStoryWithCleanBodyLeadImageBylineAndThreadedComments() throws IOException {
        String key = Newsroom.unique("gazette");
        importFixture(key, false, new ImportOptions(media(), false, false));

        // Several imports in this database share /?p=101 (the first keeps it); the dated address is unique.
        Http.Response byLink = http.get("/2026/01/05/storm-" + key + "/");
        assertThat(byLink.status()).isEqualTo(301);
        String url = byLink.location();
        assertThat(url).matches("/harbour-[^/]+/moorings-[^/]+/2026/01/05/storm-" + key);
        assertThat(http.get("/?p=101").status()).isEqualTo(301);

        Document page = http.get(url).page();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Storm closes the <harbour> mouth");
        assertThat(page.text()).contains("A storm shut the harbour.").contains("Ana Harbourmaster");
        Element body = page.selectFirst(".story__body, article");
        assertThat(body).isNotNull();
        assertThat(body.select("p").eachText())
                .anySatisfy(p ->
                        assertThat(p).isEqualTo("The harbour master closed the mouth at dawn. Boats waited outside."));
        assertThat(body.select("figure figcaption").eachText()).contains("The quay before the storm");
        assertThat(body.select("figure a[href=https://video.example.net/watch/42]"))
                .hasSize(1);
        assertThat(body.select("figure.gallery img, figure img").eachAttr("src"))
                .anySatisfy(src -> assertThat(src).startsWith("/media/"));
        assertThat(body.text()).contains("[footnote]tides were high[/footnote]");
        assertThat(page.select("script:containsData(alert)")).isEmpty();
        assertThat(page.html()).doesNotContain("alert(1)");
        assertThat(page.select("img[alt=Fishing boats tied up at the quay]")).isNotEmpty();

        // Approved comments only, the reply (first in the file) under its parent; no email anywhere.
        assertThat(page.text()).contains("Glad everyone is safe.").contains("A reply that comes first in the file.");
        assertThat(page.text()).doesNotContain("Cheap boats here").doesNotContain("Held for moderation.");
        assertThat(page.html()).doesNotContain("first-reader@example.net").doesNotContain("second@example.net");
        long reply = target(key, "comment", "502");
        long parent = target(key, "comment", "501");
        assertThat(db.jdbc()
                        .sql("SELECT parent_id FROM comment WHERE id = ?")
                        .param(reply)
                        .query(Long.class)
                        .single())
                .isEqualTo(parent);
        assertThat(db.jdbc()
                        .sql("SELECT status FROM comment WHERE id = ?")
                        .param(target(key, "comment", "503"))
                        .query(String.class)
                        .single())
                .isEqualTo("spam");
        assertThat(db.jdbc()
                        .sql("SELECT status FROM comment WHERE id = ?")
                        .param(target(key, "comment", "504"))
                        .query(String.class)
                        .single())
                .isEqualTo("pending");
        assertThat(db.jdbc()
                        .sql("SELECT status FROM comment WHERE id = ?")
                        .param(target(key, "comment", "505"))
                        .query(String.class)
                        .single())
                .isEqualTo("rejected");
        assertThat(db.jdbc()
                        .sql("SELECT author_email FROM comment WHERE id = ?")
                        .param(parent)
                        .query(String.class)
                        .single())
                .isEqualTo("first-reader@example.net");
    }

    @Test
    void oldCategoryTagAndPostAddressesAnswer301() throws IOException {
        String key = Newsroom.unique("gazette");
        importFixture(key, false, new ImportOptions(null, false, false));

        Http.Response category = http.get("/category/harbour-" + key + "/moorings-" + key + "/");
        assertThat(category.status()).isEqualTo(301);
        assertThat(category.location()).isEqualTo("/harbour-" + key + "/moorings-" + key);
        assertThat(http.get(category.location()).status()).isEqualTo(200);

        Http.Response page = http.get("/about-" + key + "/");
        assertThat(page.status()).isEqualTo(301);
        assertThat(page.location()).isEqualTo("/about-" + key);
        assertThat(http.get("/about-" + key).page().text()).contains("We write about the harbour.");

        Http.Response tag = http.get("/tag/gulls-" + key + "/");
        assertThat(tag.status()).isEqualTo(301);
        assertThat(tag.location()).isEqualTo("/tag/gulls-" + key);

        // A draft has no public address to send anyone to.
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM wp_redirect WHERE old_path = '/?p=102'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // Nor a scheduled story before its time.
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM wp_redirect WHERE old_path = ?")
                        .param("/2099/06/01/regatta-" + key + "/")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        Http.Response early = http.get("/2099/06/01/regatta-" + key + "/");
        if (early.status() == 301) {
            // Only the site's own trailing-slash rule answers; it leads nowhere.
            assertThat(early.location()).isEqualTo("/2099/06/01/regatta-" + key);
            early = http.get(early.location());
        }
        assertThat(early.status()).isEqualTo(404);
        assertThat(http.get("/no-such-thing-" + key).status()).isEqualTo(404);
    }

    @Test
    void runningTheSameExportAgainChangesNothingAndALargerOneAddsOnlyWhatIsNew() throws IOException {
        String key = Newsroom.unique("gazette");
        importFixture(key, false, new ImportOptions(null, false, false));
        Map<String, Integer> before = counts();

        ImportReport again = importFixture(key, false, new ImportOptions(null, false, false));
        assertThat(counts()).isEqualTo(before);
        assertThat(again.count("stories")).isEqualTo(new ImportReport.Counts(6, 0, 5, 1));
        assertThat(again.count("comments").imported()).isZero();
        assertThat(again.count("comments").alreadyThere()).isEqualTo(5);

        ImportReport larger = importFixture(key, true, new ImportOptions(null, false, false));
        assertThat(larger.count("stories").imported()).isEqualTo(1);
        assertThat(larger.count("comments").imported()).isEqualTo(1);
        assertThat(counts().get("article")).isEqualTo(before.get("article") + 1);
        assertThat(counts().get("comment")).isEqualTo(before.get("comment") + 1);
        assertThat(counts().get("section")).isEqualTo(before.get("section"));
    }

    @Test
    void aLaterExportUpdatesTheTextOfStoriesNoOneEditedHereAndKeepsEveryEditMadeHere() throws IOException {
        String key = Newsroom.unique("gazette");
        ImportOptions options = new ImportOptions(null, false, false);
        // A standfirst cut at 1,000 characters right before a space.
        String first = WxrFixture.xml(key, false)
                .replace(
                        "<content:encoded><![CDATA[Sails up.]]></content:encoded>",
                        "<content:encoded><![CDATA[Sails up.]]></content:encoded><excerpt:encoded><![CDATA["
                                + "a".repeat(999) + " " + "b".repeat(200) + "]]></excerpt:encoded>");
        importer.importFile(WxrFixture.write(temp, key + "-first.xml", first), options, ACTOR, ImportProgress.NONE);
        long storm = target(key, "story", "101");
        long drafted = target(key, "story", "102");
        long regatta = target(key, "story", "103");
        long awaiting = target(key, "story", "104");
        String url = http.get("/2026/01/05/storm-" + key + "/").location();
        assertThat(http.get(url).body()).contains("closed the mouth at dawn"); // and now kept
        long stormUpdatedAt = updatedAt(storm);

        // An editor rewrites two imported stories here.
        Account account = newsroom.staff(Role.EDITOR);
        StaffPrincipal editor =
                new StaffPrincipal(account.id(), account.username(), account.displayName(), Role.EDITOR, true, "");
        for (long id : List.of(awaiting, drafted)) {
            EditableArticle before = desk.editable(editor, id).orElseThrow();
            desk.save(
                    editor,
                    id,
                    before.version(),
                    before.content()
                            .withText(
                                    before.content().headline(),
                                    before.content().standfirst(),
                                    "Checked and rewritten in the newsroom."));
        }

        // Meanwhile three posts changed on WordPress, one of them edited here too; 102 did not.
        String later = first.replace(
                        "<title>Storm closes the &lt;harbour&gt; mouth</title>",
                        "<title>Storm passes, the mouth reopens</title>")
                .replace(
                        "The harbour master closed the mouth at dawn.",
                        "The harbour master reopened the mouth at noon.")
                .replace("Sails up.", "Sails up at nine.")
                .replace("Please check.", "Please check again.");
        Path laterFile = WxrFixture.write(temp, key + "-later.xml", later);

        // A dry run says what the import would update, and writes nothing.
        ImportReport dry = run(laterFile, null, DRY_RUN);
        assertThat(dry.count("stories")).isEqualTo(new ImportReport.Counts(6, 0, 5, 1, 2));
        assertThat(dry.toText())
                .contains("would update")
                .contains("post 104 (\"Awaiting the editor\"): edited here since it was imported;"
                        + " its text in this export would not be applied");
        assertThat(body(regatta)).isEqualTo("<p>Sails up.</p>");
        assertThat(revisions(storm)).isEqualTo(1);
        assertThat(reimported(storm)).isZero();
        assertThat(http.get(url).body()).contains("closed the mouth at dawn");

        ImportReport report = importer.importFile(laterFile, options, ACTOR, ImportProgress.NONE);
        assertSameCounts(dry, report);

        assertThat(report.count("stories")).isEqualTo(new ImportReport.Counts(6, 0, 5, 1, 2));
        assertThat(report.toText())
                .contains("post 104 (\"Awaiting the editor\"): edited here since it was imported")
                .doesNotContain("post 102");
        Document page = http.get(url).page();
        assertThat(page.select("h1").text()).isEqualTo("Storm passes, the mouth reopens");
        assertThat(page.text()).contains("reopened the mouth at noon").doesNotContain("closed the mouth at dawn");
        assertThat(updatedAt(storm))
                .as("a published story's public updated time")
                .isEqualTo(stormUpdatedAt);
        assertThat(body(regatta)).isEqualTo("<p>Sails up at nine.</p>");
        assertThat(body(awaiting)).isEqualTo("Checked and rewritten in the newsroom.");
        assertThat(body(drafted)).isEqualTo("Checked and rewritten in the newsroom.");
        assertThat(latestRevisionNote(storm)).isEqualTo("Updated by a later import");
        assertThat(revisions(storm)).isEqualTo(2);
        assertThat(reimported(storm)).isEqualTo(1);

        // The same export again changes nothing; a story only an import wrote keeps following later ones.
        ImportReport same = importer.importFile(
                WxrFixture.write(temp, key + "-later-again.xml", later), options, ACTOR, ImportProgress.NONE);
        assertThat(same.count("stories").updated()).isZero();
        assertThat(revisions(storm)).isEqualTo(2);
        assertThat(reimported(storm)).isEqualTo(1);
        ImportReport latest = importer.importFile(
                WxrFixture.write(
                        temp,
                        key + "-latest.xml",
                        later.replace("reopened the mouth at noon", "reopened the mouth for good")),
                options,
                ACTOR,
                ImportProgress.NONE);
        assertThat(latest.count("stories").updated()).isEqualTo(1);
        assertThat(http.get(url).body()).contains("reopened the mouth for good");
        assertThat(body(awaiting)).isEqualTo("Checked and rewritten in the newsroom.");
    }

    @Test
    void aLaterExportUpdatesPagesNoOneEditedHereAndKeepsEditsMadeHere() throws IOException {
        String key = Newsroom.unique("gazette");
        ImportOptions options = new ImportOptions(null, false, false);
        importFixture(key, false, options);
        long about = target(key, "page", "107");
        String url = pages.byId(about).orElseThrow().url();
        assertThat(http.get(url).body()).contains("We write about the harbour.");

        String later = WxrFixture.xml(key, false)
                .replace("We write about the harbour.", "We write about the harbour and the estuary.");
        Path laterFile = WxrFixture.write(temp, key + "-later.xml", later);
        ImportReport dry = run(laterFile, null, DRY_RUN);
        assertThat(dry.count("pages")).as("a dry run").isEqualTo(new ImportReport.Counts(1, 0, 1, 0, 1));
        assertThat(pages.revisions(about)).as("nothing written by the dry run").hasSize(1);
        assertThat(http.get(url).body()).doesNotContain("and the estuary");

        ImportReport report = importer.importFile(laterFile, options, ACTOR, ImportProgress.NONE);
        assertThat(report.count("pages")).isEqualTo(new ImportReport.Counts(1, 0, 1, 0, 1));
        assertThat(http.get(url).body()).contains("We write about the harbour and the estuary.");
        assertThat(pages.revisions(about).getFirst().note()).isEqualTo("Updated by a later import");

        // The same export again changes nothing.
        ImportReport same = importer.importFile(
                WxrFixture.write(temp, key + "-same.xml", later), options, ACTOR, ImportProgress.NONE);
        assertThat(same.count("pages").updated()).isZero();

        // Edited here; the export changes it too: the edit is kept and the report says so.
        var page = pages.byId(about).orElseThrow();
        pages.update(
                about,
                page.version(),
                new news.broadsheet.page.PageContent(
                        page.slug(),
                        page.title(),
                        page.content().description(),
                        "Rewritten in the newsroom.",
                        news.broadsheet.page.BodyFormat.MARKDOWN,
                        page.content().inFooter(),
                        page.content().footerPosition()),
                ACTOR);
        ImportReport latest = importer.importFile(
                WxrFixture.write(temp, key + "-latest.xml", later.replace("and the estuary", "and the sea")),
                options,
                ACTOR,
                ImportProgress.NONE);
        assertThat(latest.count("pages").updated()).isZero();
        assertThat(latest.toText()).contains("page 107 (\"About the Gazette\"): edited here since it was imported");
        assertThat(http.get(url).body()).contains("Rewritten in the newsroom.").doesNotContain("and the sea");
    }

    private long updatedAt(long articleId) {
        return db.jdbc()
                .sql("SELECT updated_at FROM article WHERE id = ?")
                .param(articleId)
                .query(Long.class)
                .single();
    }

    private int revisions(long articleId) {
        return db.jdbc()
                .sql("SELECT COUNT(*) FROM article_revision WHERE article_id = ?")
                .param(articleId)
                .query(Integer.class)
                .single();
    }

    private int reimported(long articleId) {
        return db.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'article.reimported' AND subject_id = ?")
                .param(articleId)
                .query(Integer.class)
                .single();
    }

    private String body(long articleId) {
        return db.jdbc()
                .sql("SELECT body_markdown FROM article WHERE id = ?")
                .param(articleId)
                .query(String.class)
                .single();
    }

    private String latestRevisionNote(long articleId) {
        return db.jdbc()
                .sql("SELECT note FROM article_revision WHERE article_id = ? ORDER BY version DESC LIMIT 1")
                .param(articleId)
                .query(String.class)
                .single();
    }

    @Test
    void aCommentErasedSinceTheFirstImportStaysGoneAndANewReplyToItStartsAThread() throws IOException {
        String key = Newsroom.unique("gazette");
        importFixture(key, false, new ImportOptions(null, false, false));
        // Erasure deletes a comment nobody replied to (CommentPrivacyRepository.erase): 502 is one.
        long erased = target(key, "comment", "502");
        db.jdbc().sql("DELETE FROM comment WHERE id = ?").param(erased).update();
        int before = db.count("comment");
        // A later export of the site, where someone had since replied to 502.
        String reply = """
                <wp:comment>
                <wp:comment_id>507</wp:comment_id>
                <wp:comment_author><![CDATA[Third Reader]]></wp:comment_author>
                <wp:comment_author_email>third@example.net</wp:comment_author_email>
                <wp:comment_date_gmt>2026-01-06 10:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[A reply to a comment erased since.]]></wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved>
                <wp:comment_type></wp:comment_type>
                <wp:comment_parent>502</wp:comment_parent>
                </wp:comment>
                """;
        String xml = WxrFixture.xml(key, false);
        int afterErased = xml.indexOf("</wp:comment>", xml.indexOf("<wp:comment_id>502</wp:comment_id>"))
                + "</wp:comment>".length();
        Path later = WxrFixture.write(
                temp, key + "-later.xml", xml.substring(0, afterErased) + reply + xml.substring(afterErased));

        ImportReport again = run(later, null, FOR_REAL);

        assertThat(again.count("comments").imported()).isEqualTo(1);
        assertThat(again.count("comments").alreadyThere()).isEqualTo(5);
        assertThat(db.count("comment")).isEqualTo(before + 1);
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM comment WHERE id = ?")
                        .param(erased)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM comment WHERE id = ? AND parent_id IS NULL")
                        .param(target(key, "comment", "507"))
                        .query(Integer.class)
                        .single())
                .as("the reply starts a thread of its own")
                .isEqualTo(1);
        assertThat(again.toText()).contains("comment 507: its parent 502 was removed from this site");
    }

    @Test
    void dryRunReportsWithoutWritingAnything() throws IOException {
        String key = Newsroom.unique("gazette");
        Map<String, Integer> before = counts();

        ImportReport report = importFixture(key, false, new ImportOptions(media(), true, true));

        assertThat(counts()).isEqualTo(before);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.count("stories").imported()).isEqualTo(5);
        assertThat(report.count("comments").imported()).isEqualTo(5);
        assertThat(report.count("images").imported()).isEqualTo(1);
        assertThat(report.toText()).startsWith("Dry run");
    }

    @Test
    void aDryRunRefusesAnImageTheLibraryWouldRefuse() throws IOException {
        String key = Newsroom.unique("gazette");
        Path media = temp.resolve("uploads-broken");
        Files.createDirectories(media.resolve("2026/01"));
        // The uploads folder holds a file by the image's name that is no picture (a failed copy).
        Files.writeString(media.resolve("2026/01/quay.png"), "<html>502 Bad Gateway</html>");
        Path file = WxrFixture.write(temp, key + ".xml", WxrFixture.xml(key, false));

        ImportReport dry = run(file, media, DRY_RUN);
        ImportReport real = run(file, media, FOR_REAL);

        assertThat(dry.count("images").imported()).isZero();
        assertThat(dry.skipped())
                .anySatisfy(skipped -> assertThat(skipped.reason()).startsWith("2026/01/quay.png: "));
        assertSameCounts(dry, real);
        assertThat(real.count("images").imported()).isZero();
    }

    @Test
    void aDryRunRefusesANewStoryTheImportWouldRefuse() throws IOException {
        String key = Newsroom.unique("gazette");
        // A story whose search title is longer than the editor allows (the editor's own check
        // refuses it, not the importer's), in an export not imported before.
        String seoTitle = "<wp:postmeta><wp:meta_key>_broadsheet_seo_title</wp:meta_key><wp:meta_value><![CDATA["
                + "Regatta ".repeat(50) + "]]></wp:meta_value></wp:postmeta>";
        Path file = WxrFixture.write(
                temp,
                key + "-long-title.xml",
                WxrFixture.xml(key, false)
                        .replace("<wp:post_id>103</wp:post_id>", "<wp:post_id>103</wp:post_id>" + seoTitle));

        ImportReport dry = run(file, null, DRY_RUN);
        ImportReport real = run(file, null, FOR_REAL);

        String refusal = "Please keep the search title to 300 characters";
        assertThat(dry.skipped()).anySatisfy(skipped -> {
            assertThat(skipped.wpId()).isEqualTo("103");
            assertThat(skipped.reason()).contains(refusal);
        });
        assertThat(dry.count("stories").imported()).isEqualTo(4);
        assertSameCounts(dry, real);
    }

    @Test
    void aDryRunCountsAStoryAndAPageThatComeTwiceAsTheImportDoes() throws IOException {
        String key = Newsroom.unique("gazette");
        String xml = WxrFixture.xml(key, false);
        // An export stitched together from two, so one story (with its comments) and one page come twice.
        String twice = xml.replace(
                "</channel>", item(xml, "<title>Storm closes") + item(xml, "<title>About the Gazette") + "</channel>");
        Path file = WxrFixture.write(temp, key + "-twice.xml", twice);

        ImportReport dry = run(file, null, DRY_RUN);
        ImportReport real = run(file, null, FOR_REAL);

        assertThat(real.count("stories").alreadyThere()).isEqualTo(1);
        assertThat(real.count("pages").alreadyThere()).isEqualTo(1);
        assertSameCounts(dry, real);

        // And an existing page that comes twice with new text is one update, in both.
        String edited = twice.replace("We write about the harbour.", "We write about the harbour and the estuary.");
        Path later = WxrFixture.write(temp, key + "-twice-later.xml", edited);
        ImportReport dryUpdate = run(later, null, DRY_RUN);
        ImportReport realUpdate = run(later, null, FOR_REAL);
        assertThat(realUpdate.count("pages").updated()).isEqualTo(1);
        assertSameCounts(dryUpdate, realUpdate);
    }

    @Test
    void aDryRunKnowsAStoryItWouldHaveStoredInAnEarlierBatch() throws IOException {
        String key = Newsroom.unique("gazette");
        String xml = WxrFixture.xml(key, false);
        String regatta = item(xml, "<title>Regatta next month");
        // More stories than one batch holds between a story and its second copy.
        StringBuilder between = new StringBuilder();
        for (int n = 0; n < 250; n++) {
            between.append(regatta.replace("<wp:post_id>103<", "<wp:post_id>" + (1000 + n) + "<")
                    .replace("<wp:post_name>regatta-", "<wp:post_name>regatta-" + n + "-"));
        }
        Path file = WxrFixture.write(
                temp,
                key + "-far.xml",
                xml.replace("</channel>", between + item(xml, "<title>Storm closes") + "</channel>"));

        ImportReport dry = run(file, null, DRY_RUN);
        ImportReport real = run(file, null, FOR_REAL);

        assertThat(real.count("stories").alreadyThere()).isEqualTo(1);
        assertThat(real.count("comments").alreadyThere()).isPositive();
        assertSameCounts(dry, real);
    }

    @Test
    void skipsPostsAndPagesWithoutAnIdInsteadOfTakingOneForAnother() throws IOException {
        String key = Newsroom.unique("gazette");
        String xml = WxrFixture.xml(key, false);
        // A hand-made export whose generator left out the ids of two posts and a page.
        String regatta = item(xml, "<title>Regatta next month");
        String noId = regatta.replace("<wp:post_id>103</wp:post_id>", "")
                .replace("<title>Regatta next month", "<title>Rowing club elects a captain");
        String alsoNoId = regatta.replace("<wp:post_id>103</wp:post_id>", "")
                .replace("<title>Regatta next month", "<title>Ferry timetable changes")
                .replace("regatta-", "ferry-");
        String pageNoId = item(xml, "<title>About the Gazette").replace("<wp:post_id>107</wp:post_id>", "");
        Path file = WxrFixture.write(
                temp, key + "-no-ids.xml", xml.replace("</channel>", noId + alsoNoId + pageNoId + "</channel>"));

        ImportReport dry = run(file, null, DRY_RUN);
        ImportReport real = run(file, null, FOR_REAL);

        assertThat(real.skipped())
                .filteredOn(skipped -> skipped.reason().equals("no post id"))
                .extracting(ImportReport.Skipped::title)
                .containsExactlyInAnyOrder(
                        "Rowing club elects a captain", "Ferry timetable changes", "About the Gazette");
        assertThat(real.count("stories").alreadyThere()).isZero();
        assertSameCounts(dry, real);
    }

    /** The whole {@code <item>} of an export that holds this text. */
    private static String item(String xml, String holding) {
        int at = xml.indexOf(holding);
        assertThat(at).as(holding).isNotNegative();
        int start = xml.lastIndexOf("<item>", at);
        int end = xml.indexOf("</item>", at) + "</item>".length();
        return xml.substring(start, end) + "\n";
    }

    @Test
    void aDryRunSeesImagesAddedToAGalleryInTheSameExport() throws IOException {
        String key = Newsroom.unique("gazette");
        String first = importedFirst(key);
        long storm = target(key, "story", "101");

        // On WordPress an image was added to the storm story's gallery since.
        String buoy = WxrFixture.site(key) + "/wp-content/uploads/2026/01/buoy.png";
        String later = first.replace("[gallery ids=\"110,111\"]", "[gallery ids=\"110,111,112\"]")
                .replace(
                        "<item>\n<title>Lost chart</title>",
                        "<item>\n<title>Buoy</title>\n<wp:post_id>112</wp:post_id>\n<wp:status>inherit</wp:status>\n"
                                + "<wp:post_parent>101</wp:post_parent>\n<wp:post_type>attachment</wp:post_type>\n"
                                + "<wp:attachment_url>" + buoy + "</wp:attachment_url>\n</item>\n"
                                + "<item>\n<title>Lost chart</title>");
        assertThat(later).contains("<title>Buoy</title>");
        Path laterFile = WxrFixture.write(temp, key + "-later.xml", later);

        ImportReport dry = run(laterFile, null, DRY_RUN);
        assertThat(body(storm)).doesNotContain(buoy);
        ImportReport real = run(laterFile, null, FOR_REAL);

        assertThat(body(storm)).contains(buoy);
        assertThat(real.count("stories").updated()).isEqualTo(1);
        assertSameCounts(dry, real);
    }

    @Test
    void aDryRunRefusesAnUpdateTheImportWouldRefuse() throws IOException {
        String key = Newsroom.unique("gazette");
        String first = importedFirst(key);
        long regatta = target(key, "story", "103");
        // On WordPress the story grew past what a story here may hold.
        Path laterFile = WxrFixture.write(
                temp, key + "-later.xml", first.replace("Sails up.", "Sails up. " + "Wind. ".repeat(40_000)));

        ImportReport dry = run(laterFile, null, DRY_RUN);
        ImportReport real = run(laterFile, null, FOR_REAL);

        String refusal = "The body is over 200,000 characters; please split the story.";
        assertThat(dry.toText()).contains("post 103 (\"Regatta").contains("would not be applied: " + refusal);
        assertThat(real.toText()).contains("was not applied: " + refusal);
        assertThat(real.count("stories").updated()).isZero();
        assertSameCounts(dry, real);
        assertThat(body(regatta)).isEqualTo("<p>Sails up.</p>");
    }

    @Test
    void aDryRunRefusesWhatTheImportWouldRefuse() throws IOException {
        String key = Newsroom.unique("gazette");
        Path file = WxrFixture.write(
                temp,
                key + "-empty-page.xml",
                WxrFixture.xml(key, false).replace("<![CDATA[We write about the harbour.]]>", "<![CDATA[]]>"));

        ImportReport dry = run(file, null, DRY_RUN);
        ImportReport real = run(file, null, FOR_REAL);

        assertThat(dry.count("pages")).isEqualTo(new ImportReport.Counts(1, 0, 0, 1));
        assertThat(dry.toText()).contains("pages 107 \"About the Gazette\": the page is empty");
        assertSameCounts(dry, real);
    }

    @Test
    void refusesAMalformedFileWithLineAndColumnAndWritesNothing() {
        Map<String, Integer> before = counts();
        String broken = WxrFixture.xml(Newsroom.unique("broken"), false)
                .replace("<wp:post_id>104</wp:post_id>", "<wp:post_id>104</wp:post>");
        Path file = WxrFixture.write(temp, "broken.xml", broken);
        int line = (int) broken.lines()
                        .takeWhile(l -> !l.contains("<wp:post_id>104"))
                        .count()
                + 1;

        assertThatThrownBy(() -> run(file, null, FOR_REAL))
                .isInstanceOfSatisfying(MalformedExportException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isPositive();
                });
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void createsDisabledAccountsForAuthorsWithAnEmailWhenAsked() throws IOException {
        String key = Newsroom.unique("gazette");
        ImportReport report = importFixture(key, false, new ImportOptions(null, false, true));

        assertThat(report.count("accounts").imported()).isEqualTo(1);
        assertThat(report.skipped())
                .anySatisfy(s -> assertThat(s.reason()).isEqualTo("no email address in the export"));
        var row = db.jdbc()
                .sql("SELECT a.enabled, a.role, au.id FROM account a JOIN author au ON au.account_id = a.id"
                        + " WHERE a.email = ?")
                .param("ana-" + key + "@example.org")
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getString(2), rs.getLong(3)))
                .single();
        assertThat(row).containsExactly(false, "reporter", target(key, "author", "ana"));
    }

    private Map<String, Integer> counts() {
        return Map.of(
                "article", db.count("article"),
                "comment", db.count("comment"),
                "section", db.count("section"),
                "author", db.count("author"),
                "tag", db.count("tag"),
                "wp_import_item", db.count("wp_import_item"),
                "wp_redirect", db.count("wp_redirect"),
                "image", db.count("image"),
                "audit_event", db.count("audit_event"),
                "account", db.count("account"));
    }
}
