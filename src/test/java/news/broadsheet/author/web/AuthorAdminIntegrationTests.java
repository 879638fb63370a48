package news.broadsheet.author.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The newsroom's Authors screen and what readers then see on author pages, over real HTTP. */
@IntegrationTest
class AuthorAdminIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Authors authors;

    @Autowired
    TestDatabaseQueries database;

    StaffClient editor() {
        return StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
    }

    /** Creates a byline through the form and returns its edit page address. */
    static String create(StaffClient staff, String... fields) {
        Http.Response created = staff.post("/admin/authors", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.location()).matches("/admin/authors/\\d+/edit\\?done=created");
        return created.location().replace("?done=created", "");
    }

    static long id(String editUrl) {
        return Long.parseLong(editUrl.replaceAll("\\D", ""));
    }

    @Test
    void editorCreatesABylineWhosePageShowsBioPhotoLinksAndPersonData() throws IOException {
        StaffClient editor = editor();
        String slug = Newsroom.unique("mara-lindqvist");
        String edit = create(
                editor,
                "name",
                "Mara Lindqvist",
                "slug",
                slug,
                "jobTitle",
                "Transport correspondent",
                "bio",
                "Covers **roads and rail**.\n\n<script>alert('x')</script> [Her notes](javascript:alert(1))",
                "email",
                "mara@example.org",
                "website",
                "https://example.org/mara",
                "profiles",
                "https://social.example/@mara\r\nhttps://video.example/mara");
        Http.Response upload = editor.upload(
                edit.replace("/edit", "/photo"),
                Map.of("altText", "Mara Lindqvist at the harbour", "credit", "Staff"),
                "image",
                "mara.png",
                "image/png",
                png(400, 400));
        assertThat(upload.status()).as(upload.body()).isEqualTo(302);

        Http.Response response = http.get("/author/" + slug);
        assertThat(response.status()).isEqualTo(200);
        Document page = response.page();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Mara Lindqvist");
        assertThat(page.selectFirst(".profile__job-title").text()).isEqualTo("Transport correspondent");
        Element bio = page.selectFirst(".profile__bio");
        assertThat(bio.select("strong").text()).isEqualTo("roads and rail");
        assertThat(bio.select("script")).isEmpty();
        assertThat(bio.text()).contains("<script>alert('x')</script>");
        assertThat(bio.select("a[href^=javascript]")).isEmpty();
        Element photo = page.selectFirst("img.profile__photo");
        assertThat(photo.attr("alt")).isEqualTo("Mara Lindqvist at the harbour");
        assertThat(photo.attr("src")).startsWith("/media/");
        assertThat(page.select(".profile__links a").eachAttr("href"))
                .containsExactly(
                        "mailto:mara@example.org",
                        "https://example.org/mara",
                        "https://social.example/@mara",
                        "https://video.example/mara");

        JsonNode data = JSON.readTree(
                page.selectFirst("script[type=application/ld+json]").data());
        JsonNode person = data.path("mainEntity");
        assertThat(data.path("@type").asString()).isEqualTo("ProfilePage");
        assertThat(person.path("@type").asString()).isEqualTo("Person");
        assertThat(person.path("name").asString()).isEqualTo("Mara Lindqvist");
        assertThat(person.path("jobTitle").asString()).isEqualTo("Transport correspondent");
        assertThat(person.path("image").asString()).startsWith("http").contains("/media/");
        assertThat(person.path("sameAs").values())
                .extracting(JsonNode::asString)
                .containsExactly(
                        "https://example.org/mara", "https://social.example/@mara", "https://video.example/mara");

        assertThat(database.jdbc()
                        .sql("SELECT action FROM audit_event WHERE subject_type = 'author' AND subject_id = ?"
                                + " ORDER BY id")
                        .param(id(edit))
                        .query(String.class)
                        .list())
                .containsExactly("author.created", "author.updated");
    }

    @Test
    void refusesBadFieldsWith422KeepingWhatWasTyped() {
        StaffClient editor = editor();
        Http.Response refused = editor.post(
                "/admin/authors",
                "name",
                "Kept Name",
                "jobTitle",
                "Kept title",
                "email",
                "not an address",
                "website",
                "javascript:alert(1)",
                "profiles",
                "ftp://example.org/x");
        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.page();
        assertThat(page.selectFirst("[role=alert]").text()).contains("not created");
        assertThat(page.select(".field-error").eachText())
                .anyMatch(t -> t.contains("contact address"))
                .anyMatch(t -> t.contains("website"))
                .anyMatch(t -> t.contains("profile"));
        assertThat(page.selectFirst("#new-name").val()).isEqualTo("Kept Name");
        assertThat(page.selectFirst("#new-jobTitle").val()).isEqualTo("Kept title");
        assertThat(authors.all()).noneMatch(a -> a.name().equals("Kept Name"));

        Http.Response blank = editor.post("/admin/authors", "name", "   ");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.page().select(".field-error").text()).contains("name");
    }

    @Test
    void refusesAPhotoWithoutAltText() throws IOException {
        StaffClient editor = editor();
        String edit = create(editor, "name", "Photo Less", "slug", Newsroom.unique("photo-less"));
        Http.Response refused = editor.upload(
                edit.replace("/edit", "/photo"), Map.of("altText", " "), "image", "p.png", "image/png", png(50, 50));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().selectFirst("#altText-error").text()).contains("alt text");
        assertThat(authors.byId(id(edit)).orElseThrow().imageId()).isNull();
    }

    @Test
    void onlyEditorsAndAdminsReachTheScreenAndFormsNeedTheToken() {
        for (Role role : List.of(Role.REPORTER, Role.MODERATOR)) {
            StaffClient staff = StaffClient.signIn(http, newsroom.staff(role).username(), Newsroom.PASSWORD);
            assertThat(staff.get("/admin/authors").status()).as(role.name()).isEqualTo(403);
            assertThat(staff.post("/admin/authors", "name", "Sneaky").status())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(staff.get("/admin").page().select("nav a").eachText()).doesNotContain("Authors");
        }
        assertThat(http.get("/admin/authors").status()).isEqualTo(302);
        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
        assertThat(admin.get("/admin/authors").status()).isEqualTo(200);
        assertThat(admin.get("/admin").page().select("nav a").eachText()).contains("Authors");
        assertThat(admin.postWithoutCsrf("/admin/authors", "name", "No Token").status())
                .isEqualTo(403);
        assertThat(authors.all())
                .noneMatch(a -> a.name().equals("Sneaky") || a.name().equals("No Token"));
    }

    @Test
    void aRenamedBylineRedirectsItsOldPageAndFeed() {
        StaffClient editor = editor();
        String before = Newsroom.unique("old-name");
        String after = Newsroom.unique("new-name");
        String edit = create(editor, "name", "Renamed Writer", "slug", before);
        Http.Response saved =
                editor.post(edit.replace("/edit", ""), "name", "Renamed Writer", "slug", after, "accountId", "");
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);

        Http.Response old = http.get("/author/" + before + "?before=abc");
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.location()).endsWith("/author/" + after + "?before=abc");
        Http.Response feed = http.get("/feeds/author/" + before + ".atom");
        assertThat(feed.status()).isEqualTo(301);
        assertThat(feed.location()).endsWith("/feeds/author/" + after + ".atom");
        assertThat(http.get("/author/" + after).status()).isEqualTo(200);
        assertThat(http.get("/author/" + Newsroom.unique("nobody")).status()).isEqualTo(404);

        // Another byline cannot take the old address while it redirects.
        Http.Response taken = editor.post("/admin/authors", "name", "Squatter", "slug", before);
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.page().select(".field-error").text()).contains("redirects");
    }

    @Test
    void aRetiredBylineKeepsItsPageAndStoriesButIsNotOfferedForNewStories() {
        StaffClient editor = editor();
        Section section = newsroom.section("Harbour");
        Author retiring = newsroom.author("Retiring Writer");
        ArticleSummary story = newsroom.article(section, retiring).publish();

        Http.Response retired = editor.post("/admin/authors/" + retiring.id() + "/retire");
        assertThat(retired.status()).isEqualTo(302);

        Document page = http.get(retiring.url()).page();
        assertThat(page.select("h2 a, h3 a").eachText()).contains(story.headline());
        assertThat(http.get(story.url()).page().select(".byline a").text()).isEqualTo("Retiring Writer");
        assertThat(editor.get("/admin/articles/new")
                        .page()
                        .select("#authorIds option")
                        .eachText())
                .doesNotContain("Retiring Writer");
        assertThat(editor.get("/admin/authors")
                        .page()
                        .selectFirst("#author-" + retiring.slug())
                        .text())
                .contains("Retired");

        assertThat(editor.post("/admin/authors/" + retiring.id() + "/restore").status())
                .isEqualTo(302);
        assertThat(editor.get("/admin/articles/new")
                        .page()
                        .select("#authorIds option")
                        .eachText())
                .contains("Retiring Writer");
    }

    @Test
    void aMergedBylinesStoriesMoveToTheSurvivorAndItsAddressesRedirect() {
        StaffClient editor = editor();
        Section section = newsroom.section("Rail");
        Author duplicate = newsroom.author("J. Okafor");
        Author survivor = newsroom.author("Jude Okafor");
        ArticleSummary alone = newsroom.article(section, duplicate).publish();
        ArticleSummary both =
                newsroom.article(section, duplicate).coAuthor(survivor).publish();

        Http.Response merged =
                editor.post("/admin/authors/" + duplicate.id() + "/merge", "survivorId", String.valueOf(survivor.id()));
        assertThat(merged.status()).as(merged.body()).isEqualTo(302);
        assertThat(merged.location()).isEqualTo("/admin/authors/" + survivor.id() + "/edit?done=merged");

        Http.Response old = http.get(duplicate.url());
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.location()).endsWith(survivor.url());
        assertThat(http.get("/feeds/author/" + duplicate.slug() + ".json").location())
                .endsWith("/feeds/author/" + survivor.slug() + ".json");
        assertThat(http.get(survivor.url()).page().select("h2 a, h3 a").eachText())
                .contains(alone.headline(), both.headline());
        assertThat(http.get(alone.url()).page().select(".byline a").eachText()).containsExactly("Jude Okafor");
        assertThat(http.get(both.url()).page().select(".byline a").eachText()).containsExactly("Jude Okafor");
        assertThat(editor.get("/admin/articles/new")
                        .page()
                        .select("#authorIds option")
                        .eachText())
                .doesNotContain("J. Okafor");
        assertThat(editor.get("/admin/authors/" + duplicate.id() + "/edit").status())
                .isEqualTo(404);

        Http.Response intoItself =
                editor.post("/admin/authors/" + survivor.id() + "/merge", "survivorId", String.valueOf(survivor.id()));
        assertThat(intoItself.status()).isEqualTo(422);
        assertThat(intoItself.page().select(".field-error").text()).contains("another byline");
        Http.Response nothing = editor.post("/admin/authors/" + survivor.id() + "/merge", "survivorId", "x");
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'author.merged' AND subject_id = ?")
                        .param(duplicate.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReportersOwnBylineIsOfferedFirstAndChosenForANewStory() {
        StaffClient editor = editor();
        Account reporter = newsroom.staff(Role.REPORTER);
        newsroom.author("Aaron Aardvark");
        String edit = create(
                editor,
                "name",
                "Zoe Zimmer",
                "slug",
                Newsroom.unique("zoe-zimmer"),
                "accountId",
                String.valueOf(reporter.id()));
        assertThat(authors.byAccount(reporter.id()).map(Author::id)).contains(id(edit));
        assertThat(editor.get("/admin/authors").page().text()).contains(reporter.username());

        StaffClient writer = StaffClient.signIn(http, reporter.username(), Newsroom.PASSWORD);
        List<Element> options = writer.get("/admin/articles/new").page().select("#authorIds option");
        assertThat(options.getFirst().text()).isEqualTo("Zoe Zimmer");
        assertThat(options.getFirst().hasAttr("selected")).isTrue();
        assertThat(options.stream().filter(o -> o.hasAttr("selected"))).hasSize(1);

        // One account, one byline.
        Http.Response second =
                editor.post("/admin/authors", "name", "Zoe Again", "accountId", String.valueOf(reporter.id()));
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.page().select(".field-error").text()).contains("already writes as Zoe Zimmer");
        assertThat(authors.all()).noneMatch(a -> a.name().equals("Zoe Again"));
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 90, 140));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
