package news.broadsheet.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import news.broadsheet.account.Role;
import news.broadsheet.audit.AuditEntry;
import news.broadsheet.audit.AuditLog;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.support.HtmlSafety;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Static pages through the real editor, the public address, the footer, the sitemap and the API. */
@IntegrationTest
class PagesIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Pages pages;

    @Autowired
    Sections sections;

    @Autowired
    AuditLog audit;

    @Autowired
    SiteSettings site;

    @Autowired
    MutableClock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    StaffClient editor;

    @BeforeEach
    void signIn() {
        editor = StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
    }

    /** Creates a page through the editor form and returns its id. */
    long createPage(String title, String slug, String body, String... more) {
        String[] fields = new String[6 + more.length];
        fields[0] = "title";
        fields[1] = title;
        fields[2] = "slug";
        fields[3] = slug;
        fields[4] = "body";
        fields[5] = body;
        System.arraycopy(more, 0, fields, 6, more.length);
        Http.Response created = editor.post("/admin/pages", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.location()).matches("/admin/pages/\\d+/edit\\?done=created");
        return Long.parseLong(created.location().replaceAll("\\D+(\\d+)\\D.*", "$1"));
    }

    int version(long id) {
        return pages.byId(id).orElseThrow().version();
    }

    void publish(long id) {
        Http.Response published =
                editor.post("/admin/pages/" + id + "/publish", "version", String.valueOf(version(id)));
        assertThat(published.status()).as(published.body()).isEqualTo(302);
    }

    @Test
    void publishedPageAnswersAtItsAddressWithASanitisedBody() {
        String slug = Newsroom.unique("about");
        long id = createPage(
                "About us",
                slug,
                "We report on **what matters**.\n\n<script>alert(1)</script><p onclick=\"x()\">Clicked</p>",
                "description",
                "Who we are and how we work.");

        assertThat(http.get("/" + slug).status()).as("a draft is never public").isEqualTo(404);
        publish(id);

        Http.Response response = http.get("/" + slug);
        assertThat(response.status()).isEqualTo(200);
        Document page = response.page();
        assertThat(page.select("main h1").text()).isEqualTo("About us");
        assertThat(page.select("main strong").text()).isEqualTo("what matters");
        assertThat(page.select("main script")).isEmpty();
        assertThat(page.select("main [onclick]")).isEmpty();
        assertThat(page.title()).startsWith("About us");
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("Who we are and how we work.");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(site.absolute("/" + slug));
        assertThat(http.get("/" + slug + "/").location()).isEqualTo("/" + slug);
    }

    @Test
    void unpublishedAndFuturePagesAreNotPublic() {
        String slug = Newsroom.unique("terms");
        long id = createPage("Terms", slug, "The terms.", "inFooter", "on");
        publish(id);
        assertThat(http.get("/" + slug).status()).isEqualTo(200);

        Http.Response down = editor.post("/admin/pages/" + id + "/unpublish", "version", String.valueOf(version(id)));
        assertThat(down.status()).isEqualTo(302);
        assertThat(http.get("/" + slug).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/pages/" + slug).status()).isEqualTo(404);
        assertThat(footerLinks(http.get("/").page())).doesNotContain("/" + slug);

        // An imported page with a publication time still to come stays hidden until then.
        String later = Newsroom.unique("later");
        pages.put(
                new WritePage(
                        PageContent.markdown(later, "Later", "Soon."),
                        PageStatus.PUBLISHED,
                        clock.instant().plus(Duration.ofHours(1))),
                Actor.SYSTEM);
        assertThat(http.get("/" + later).status()).isEqualTo(404);
        clock.advance(Duration.ofHours(2));
        assertThat(http.get("/" + later).status()).isEqualTo(200);
    }

    @Test
    void aSectionAlwaysWinsItsAddressAndNeitherCanTakeTheOthers() {
        Section section = newsroom.section("Opinion");
        Http.Response refused =
                editor.post("/admin/pages", "title", "Opinion policy", "slug", section.slug(), "body", "Kept text");
        assertThat(refused.status()).isEqualTo(422);
        Document form = refused.page();
        assertThat(form.select("#slug-error").text()).contains("section").contains("/" + section.slug());
        assertThat(form.select("#title").val()).isEqualTo("Opinion policy");
        assertThat(form.select("#body").text()).isEqualTo("Kept text");

        String slug = Newsroom.unique("contact");
        publish(createPage("Contact", slug, "Write to us."));
        Http.Response section2 = editor.post("/admin/sections", "name", "Contact desk", "slug", slug);
        assertThat(section2.status()).isEqualTo(422);
        assertThat(section2.page().select(".form-problem").text())
                .contains("The page “Contact” already has the address /" + slug);
        assertThat(sections.byPath(slug)).isEmpty();
        // Nor may an existing section be renamed or moved onto the page's address.
        Http.Response renamed = editor.post(
                "/admin/sections/" + section.id(), "name", "Opinion", "slug", slug, "description", "Views.");
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(sections.byId(section.id()).orElseThrow().slug()).isEqualTo(section.slug());
        // A subsection may use the word: its address has two segments.
        assertThat(editor.post(
                                "/admin/sections",
                                "name",
                                "Contact",
                                "slug",
                                slug,
                                "parentId",
                                String.valueOf(section.id()))
                        .status())
                .isEqualTo(302);

        // The section's front still answers at its address, and the page at its own.
        assertThat(http.get(section.url()).page().select("h1").text()).isEqualTo("Opinion");
        assertThat(http.get("/" + slug).page().select("main h1").text()).isEqualTo("Contact");
    }

    @Test
    void refusesEveryAddressTheSiteRoutesOnItself() {
        Set<String> firstSegments = new TreeSet<>(List.of("assets", "media", "favicon", "robots"));
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String first = pattern.getPatternString().substring(1).split("[/.]", 2)[0];
                if (!first.isEmpty() && !first.startsWith("{")) {
                    firstSegments.add(first);
                }
            }
        }
        assertThat(firstSegments).contains("admin", "api", "search", "feeds", "sitemaps", "corrections", "tag");
        for (String word : firstSegments) {
            assertThat(pages.slugRefusal(word, null)).as(word).isPresent();
        }
        Http.Response refused =
                editor.post("/admin/pages", "title", "Search help", "slug", "search", "body", "How to search.");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select("#slug-error").text())
                .isEqualTo("The address /search is reserved for the site itself.");
        assertThat(editor.post("/admin/pages", "title", "Bad", "slug", "Not A Slug", "body", "x")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void changingTheSlugLeavesAPermanentRedirect() {
        String oldSlug = Newsroom.unique("privacy");
        long id = createPage("Privacy", oldSlug, "We keep little.");
        publish(id);
        String newSlug = Newsroom.unique("privacy-policy");
        Http.Response saved = editor.post(
                "/admin/pages/" + id,
                "title",
                "Privacy policy",
                "slug",
                newSlug,
                "body",
                "We keep very little.",
                "version",
                String.valueOf(version(id)));
        assertThat(saved.status()).isEqualTo(302);

        Http.Response old = http.get("/" + oldSlug);
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.location()).isEqualTo("/" + newSlug);
        assertThat(http.get("/" + newSlug).page().select("main h1").text()).isEqualTo("Privacy policy");

        // A new page may take the old address: the redirect is forgotten, even while the newcomer is a draft.
        long newcomer = createPage("Cookies", oldSlug, "No tracking cookies.");
        assertThat(http.get("/" + oldSlug).status()).isEqualTo(404);
        publish(newcomer);
        assertThat(http.get("/" + oldSlug).page().select("main h1").text()).isEqualTo("Cookies");
    }

    @Test
    void footerLinksLivePagesMarkedForItInTheirOrderOnEveryPublicPage() {
        String second = Newsroom.unique("corrections-policy");
        String first = Newsroom.unique("about-footer");
        String hidden = Newsroom.unique("not-in-footer");
        String draft = Newsroom.unique("draft-footer");
        publish(createPage("Corrections policy", second, "How we correct.", "inFooter", "on", "footerPosition", "20"));
        publish(createPage("About the paper", first, "Who we are.", "inFooter", "on", "footerPosition", "10"));
        publish(createPage("Not in the footer", hidden, "Elsewhere."));
        createPage("Draft for the footer", draft, "Not yet.", "inFooter", "on", "footerPosition", "1");

        for (String path : List.of("/", "/corrections", "/" + hidden, "/no-such-page")) {
            List<String> links = footerLinks(http.get(path).page());
            assertThat(links).as(path).contains("/" + first, "/" + second).doesNotContain("/" + hidden, "/" + draft);
            assertThat(links.indexOf("/" + first)).as(path).isLessThan(links.indexOf("/" + second));
        }
        Element link = http.get("/").page().selectFirst("footer a[href=\"/" + first + "\"]");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo("About the paper");
    }

    private static List<String> footerLinks(Document page) {
        return page.select("footer.site-footer a").eachAttr("href");
    }

    @Test
    void pagesSitemapListsLivePagesWithLastmodAndNothingElse() {
        String live = Newsroom.unique("masthead");
        String draft = Newsroom.unique("masthead-draft");
        clock.advance(Duration.ofMinutes(5));
        long id = createPage("Masthead", live, "Who edits.");
        publish(id);
        Instant published = pages.byId(id).orElseThrow().updatedAt();
        createPage("Masthead draft", draft, "Not yet.");

        Http.Response response = http.get("/sitemaps/pages-1.xml");
        assertThat(response.status()).isEqualTo(200);
        Document xml = Jsoup.parse(response.body(), "", Parser.xmlParser());
        List<String> locs = xml.select("url > loc").eachText();
        assertThat(locs).contains(site.absolute("/" + live)).doesNotContain(site.absolute("/" + draft));
        Element entry = xml.select("url").stream()
                .filter(url -> url.selectFirst("loc").text().equals(site.absolute("/" + live)))
                .findFirst()
                .orElseThrow();
        assertThat(Instant.parse(entry.selectFirst("lastmod").text())).isAfterOrEqualTo(published.minusSeconds(1));
        assertThat(http.get("/sitemap.xml").body()).contains(site.absolute("/sitemaps/pages-1.xml"));
        // No article sitemap lists a page.
        assertThat(http.get("/sitemap.xml").body()).doesNotContain("/" + live + "<");
    }

    @Test
    void apiListsLivePagesAndServesOneBySlug() {
        String live = Newsroom.unique("ethics");
        String draft = Newsroom.unique("ethics-draft");
        publish(createPage("Ethics", live, "We **disclose** conflicts.", "description", "Our code."));
        createPage("Ethics draft", draft, "Not yet.");

        Http.Response list = http.get("/api/v1/pages");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("application/json");
        JsonNode items = JSON.readTree(list.body()).path("items");
        List<String> slugs = java.util.stream.StreamSupport.stream(
                        items.values().spliterator(), false)
                .map(item -> item.path("slug").asString())
                .toList();
        assertThat(slugs).contains(live).doesNotContain(draft);
        assertThat(slugs).isSorted();

        Http.Response one = http.get("/api/v1/pages/" + live);
        assertThat(one.status()).isEqualTo(200);
        JsonNode page = JSON.readTree(one.body());
        assertThat(page.path("title").asString()).isEqualTo("Ethics");
        assertThat(page.path("description").asString()).isEqualTo("Our code.");
        assertThat(page.path("url").asString()).isEqualTo(site.absolute("/" + live));
        assertThat(page.path("bodyHtml").asString()).contains("<strong>disclose</strong>");
        Instant.parse(page.path("publishedAt").asString());

        Http.Response missing = http.get("/api/v1/pages/" + draft);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void pagesNeverAppearAmongStories() {
        Author author = newsroom.author("Lena Park");
        newsroom.article(newsroom.section("Local"), author).publish();
        String word = "zyxquorum" + Newsroom.unique("w").replace("-", "");
        String slug = Newsroom.unique("standards");
        publish(createPage("Standards " + word, slug, "Our standards " + word + "."));

        assertThat(http.get("/").body()).doesNotContain(word);
        assertThat(http.get("/feeds/all.rss").body()).doesNotContain(word);
        assertThat(http.get("/feeds/all.json").body()).doesNotContain(word);
        assertThat(http.get("/api/v1/articles").body()).doesNotContain(word);
        assertThat(http.get("/api/v1/search?q=" + word).body()).doesNotContain(slug);
        assertThat(http.get("/search?q=" + word).page().select("main").text()).doesNotContain("Standards " + word);
        assertThat(http.get("/sitemaps/articles-1.xml").body()).doesNotContain(slug);
    }

    @Test
    void aStaleSaveIsRefusedWithTheNewerVersionShownAndTheTypingKept() {
        String slug = Newsroom.unique("jobs");
        long id = createPage("Jobs", slug, "We are hiring.");
        int stale = version(id);
        assertThat(editor.post(
                                "/admin/pages/" + id,
                                "title",
                                "Jobs",
                                "slug",
                                slug,
                                "body",
                                "Hiring reporters.",
                                "version",
                                String.valueOf(stale))
                        .status())
                .isEqualTo(302);

        Http.Response conflict = editor.post(
                "/admin/pages/" + id,
                "title",
                "Jobs",
                "slug",
                slug,
                "body",
                "My own edit.",
                "version",
                String.valueOf(stale));
        assertThat(conflict.status()).isEqualTo(409);
        Document form = conflict.page();
        assertThat(form.select(".conflict__body").text()).isEqualTo("Hiring reporters.");
        assertThat(form.select("#body").text()).isEqualTo("My own edit.");
        assertThat(form.select("input[name=version]").val()).isEqualTo(String.valueOf(version(id)));
        assertThat(pages.byId(id).orElseThrow().content().body()).isEqualTo("Hiring reporters.");

        Http.Response stalePublish = editor.post("/admin/pages/" + id + "/publish", "version", String.valueOf(stale));
        assertThat(stalePublish.status()).isEqualTo(409);
        assertThat(stalePublish.page().select(".form-problem").text()).contains("Someone else saved this page");
        assertThat(http.get("/" + slug).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithMessagesAndTheFormKept() {
        Http.Response empty = editor.post("/admin/pages", "title", "", "slug", "", "body", "");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.page().select("#title-error").text()).isNotBlank();
        assertThat(empty.page().select("#body-error").text()).isNotBlank();

        Http.Response position = editor.post(
                "/admin/pages", "title", "Legal", "body", "Text stays.", "inFooter", "on", "footerPosition", "first");
        assertThat(position.status()).isEqualTo(422);
        Document form = position.page();
        assertThat(form.select("#footerPosition-error").text()).contains("number");
        assertThat(form.select("#footerPosition").val()).isEqualTo("first");
        assertThat(form.select("#inFooter").hasAttr("checked")).isTrue();
        assertThat(form.select("#body").text()).isEqualTo("Text stays.");

        assertThat(editor.get("/admin/pages/999999/edit").status()).isEqualTo(404);
    }

    @Test
    void revisionsShowDifferencesAndRestoreAnEarlierVersion() {
        String slug = Newsroom.unique("history");
        long id = createPage("History", slug, "Founded in 1901.\nBy printers.");
        editor.post(
                "/admin/pages/" + id,
                "title",
                "History",
                "slug",
                slug,
                "body",
                "Founded in 1902.\nBy printers.",
                "version",
                String.valueOf(version(id)));

        Document revisions =
                editor.get("/admin/pages/" + id + "/revisions?from=1&to=2").page();
        assertThat(revisions.select(".diff__line--removed").text()).contains("Founded in 1901.");
        assertThat(revisions.select(".diff__line--added").text()).contains("Founded in 1902.");
        assertThat(revisions.select("tbody tr")).hasSize(2);

        Http.Response restored = editor.post(
                "/admin/pages/" + id + "/revisions/1/restore", "expectedVersion", String.valueOf(version(id)));
        assertThat(restored.status()).isEqualTo(302);
        assertThat(pages.byId(id).orElseThrow().content().body()).isEqualTo("Founded in 1901.\nBy printers.");
        assertThat(pages.revisions(id)).hasSize(3);

        Http.Response stale = editor.post("/admin/pages/" + id + "/revisions/2/restore", "expectedVersion", "1");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.page().select(".form-problem").text()).contains("Someone else saved this page");
    }

    @Test
    void everyChangeIsInTheAuditLog() {
        String slug = Newsroom.unique("audited");
        long id = createPage("Audited", slug, "Text.");
        publish(id);
        editor.post("/admin/pages/" + id + "/unpublish", "version", String.valueOf(version(id)));
        List<String> actions = audit.newest("page.", null, 100).stream()
                .filter(entry -> id == (entry.subjectId() == null ? -1 : entry.subjectId()))
                .map(AuditEntry::action)
                .toList();
        assertThat(actions).containsExactly("page.unpublished", "page.published", "page.created");
        assertThat(audit.newest("page.", null, 100).getFirst().actorName()).startsWith("Staff ");
    }

    @Test
    void onlyEditorsAndAdminsMayEditPagesAndEveryFormNeedsItsToken() {
        long id = createPage("Staff only", Newsroom.unique("staff-only"), "Text.");
        StaffClient reporter =
                StaffClient.signIn(http, newsroom.staff(Role.REPORTER).username(), Newsroom.PASSWORD);
        for (String path : List.of(
                "/admin/pages",
                "/admin/pages/new",
                "/admin/pages/" + id + "/edit",
                "/admin/pages/" + id + "/revisions")) {
            assertThat(reporter.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(reporter.post("/admin/pages", "title", "Mine", "body", "x").status())
                .isEqualTo(403);
        assertThat(reporter.post("/admin/pages/" + id + "/publish", "version", String.valueOf(version(id)))
                        .status())
                .isEqualTo(403);
        assertThat(pages.byId(id).orElseThrow().status()).isEqualTo(PageStatus.DRAFT);
        StaffClient moderator =
                StaffClient.signIn(http, newsroom.staff(Role.MODERATOR).username(), Newsroom.PASSWORD);
        assertThat(moderator.get("/admin/pages").status()).isEqualTo(403);
        assertThat(http.get("/admin/pages").status()).isEqualTo(302);

        assertThat(editor.postWithoutCsrf("/admin/pages/" + id + "/publish", "version", String.valueOf(version(id)))
                        .status())
                .isEqualTo(403);
        assertThat(pages.byId(id).orElseThrow().status()).isEqualTo(PageStatus.DRAFT);

        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
        Document list = admin.get("/admin/pages").page();
        assertThat(list.select("nav.admin-nav a[href=\"/admin/pages\"]").text()).isEqualTo("Pages");
        assertThat(list.select("td a").eachText()).contains("Staff only");
    }

    @Test
    void importersCreateAndUpdatePagesBySlugWithHtmlBodies() {
        String slug = Newsroom.unique("imported");
        Instant then = Instant.parse("2019-04-01T09:00:00Z");
        long id = pages.put(
                new WritePage(
                        PageContent.html(
                                slug,
                                "Imported",
                                "<h2>Hello</h2><p style=\"color:red\">Old <b>site</b></p><script>x()</script>"),
                        PageStatus.PUBLISHED,
                        then),
                new Actor(null, "WordPress import"));
        assertThat(pages.bySlug(slug).orElseThrow().id()).isEqualTo(id);
        Http.Response response = http.get("/" + slug);
        assertThat(HtmlSafety.pageProblems(response.body())).isEmpty();
        Document page = response.page();
        assertThat(page.select("main h2").text()).isEqualTo("Hello");
        assertThat(page.select("main b").text()).isEqualTo("site");
        assertThat(page.select("main [style], main script")).isEmpty();
        assertThat(pages.liveBySlug(slug).orElseThrow().publishedAt()).isEqualTo(then);

        long again = pages.put(
                new WritePage(PageContent.html(slug, "Imported again", "<p>New</p>"), PageStatus.DRAFT, then),
                new Actor(null, "WordPress import"));
        assertThat(again).isEqualTo(id);
        assertThat(pages.bySlug(slug).orElseThrow().title()).isEqualTo("Imported again");
        assertThat(http.get("/" + slug).status()).isEqualTo(404);
        assertThat(pages.revisions(id)).hasSize(2);
    }

    @Test
    void previewRendersTheBodyWithoutSaving() {
        Http.Response preview = editor.post(
                "/admin/pages", "title", "Preview me", "slug", "", "body", "A *preview*.", "intent", "preview");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.page().select(".preview em").text()).isEqualTo("preview");
        assertThat(pages.bySlug("preview-me")).isEmpty();
        assertThat(preview.page().select("#title").val()).isEqualTo("Preview me");
        assertThat(preview.page().select("#slug").val().toLowerCase(Locale.ROOT))
                .isEmpty();
    }
}
