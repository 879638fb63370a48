package news.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Role;
import news.broadsheet.support.CommandRun;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The two ways in: {@code import-wordpress} on the command line (a second application, without
 * a web server, on the database the running site uses) and the admin upload page.
 */
@IntegrationTest
class ImportCommandAndPageIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    TestDatabaseQueries db;

    @Autowired
    Environment environment;

    @TempDir
    Path temp;

    /** Runs the command as {@code java -jar broadsheet.jar ...} would, on this test's database. */
    private CommandRun.Result command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"));
        all.add("--broadsheet.data-dir=" + environment.getRequiredProperty("broadsheet.data-dir"));
        all.add("--spring.datasource.hikari.maximum-pool-size=2");
        String user = environment.getProperty("spring.datasource.username");
        if (user != null && !user.isBlank()) {
            all.add("--spring.datasource.username=" + user);
        }
        return CommandRun.run(all);
    }

    @Test
    void commandLineImportsBesideTheRunningSiteAndPrintsProgressAndReport() {
        String key = Newsroom.unique("cli");
        Path file = WxrFixture.write(temp, "cli.xml", WxrFixture.xml(key, false));
        int before = db.count("article");

        CommandRun.Result dry = command("import-wordpress", file.toString(), "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).startsWith("Dry run");
        assertThat(db.count("article")).isEqualTo(before);

        CommandRun.Result run = command("import-wordpress", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("The file is sound: 10 items")
                .contains("items/s")
                .contains("10/10 items");
        assertThat(run.out()).contains("stories").contains("Status mapping");
        assertThat(db.count("article")).isEqualTo(before + 5);
        // The site sees the new story at once.
        assertThat(http.get("/2026/01/05/storm-" + key + "/").status()).isEqualTo(301);
    }

    @Test
    void commandLineRefusesMissingAndMalformedFilesWithAOneLineReason() throws Exception {
        CommandRun.Result missing =
                command("import-wordpress", temp.resolve("nope.xml").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("import-wordpress: no such file: " + temp.resolve("nope.xml"));

        Path broken = temp.resolve("broken.xml");
        Files.writeString(
                broken, "<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<item><title>x</item>\n</channel></rss>\n");
        int before = db.count("wp_import_item");
        CommandRun.Result malformed = command("import-wordpress", broken.toString());
        assertThat(malformed.status()).isEqualTo(1);
        assertThat(malformed.err()).contains("is malformed at line 4, column").contains("nothing was imported");
        assertThat(db.count("wp_import_item")).isEqualTo(before);

        CommandRun.Result noFile = command("export-wordpress");
        assertThat(noFile.status()).isEqualTo(2);
        assertThat(noFile.err()).contains("no output file given");

        CommandRun.Result export =
                command("export-wordpress", temp.resolve("out.xml").toString());
        assertThat(export.status()).as(export.err()).isEqualTo(0);
        assertThat(Files.readString(temp.resolve("out.xml"))).contains("<wp:wxr_version>1.2</wp:wxr_version>");
    }

    @Test
    void adminUploadsAnExportAndFollowsItsProgressToTheReport() throws Exception {
        var admin = newsroom.staff(Role.ADMIN);
        StaffClient client = StaffClient.signIn(http, admin.username(), Newsroom.PASSWORD);
        String key = Newsroom.unique("upload");

        Http.Response started = client.upload(
                "/admin/import",
                Map.of(),
                "file",
                "gazette.xml",
                "application/xml",
                WxrFixture.xml(key, false).getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).isEqualTo(302);
        String jobUrl = started.location();
        assertThat(jobUrl).matches("/admin/import/\\d+");

        Document page = client.get(jobUrl).page();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (page.selectFirst("pre.import-report") == null && System.nanoTime() < deadline) {
            assertThat(page.select("meta[http-equiv=refresh]")).hasSize(1);
            Thread.sleep(200);
            page = client.get(jobUrl).page();
        }
        assertThat(page.selectFirst(".import-state").text()).isEqualTo("Finished");
        assertThat(page.select("meta[http-equiv=refresh]")).isEmpty();
        assertThat(page.selectFirst("progress").attr("value")).isEqualTo("10");
        assertThat(page.selectFirst("pre.import-report").text())
                .contains("stories")
                .contains("[footnote] 1 use");
        assertThat(http.get("/2026/01/05/storm-" + key + "/").status()).isEqualTo(301);
        assertThat(client.get("/admin/import").page().select("table a[href=" + jobUrl + "]"))
                .hasSize(1);
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'article.imported' AND actor_id = ?")
                        .param(admin.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void uploadWithoutAFileIsRefusedWithAMessage() {
        var admin = newsroom.staff(Role.ADMIN);
        StaffClient client = StaffClient.signIn(http, admin.username(), Newsroom.PASSWORD);

        Http.Response response =
                client.upload("/admin/import", Map.of("dryRun", "true"), "file", "", "application/xml", new byte[0]);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.page().selectFirst("#file-error").text()).contains("Choose the WordPress export file");
        assertThat(response.page().selectFirst("#import-dry-run").hasAttr("checked"))
                .isTrue();
    }

    @Test
    void onlyAdminsReachTheImportPagesAndUploadsNeedTheCsrfToken() {
        var editor = newsroom.staff(Role.EDITOR);
        StaffClient client = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);
        assertThat(client.get("/admin/import").status()).isEqualTo(403);
        assertThat(client.get("/admin/import/1").status()).isEqualTo(403);
        assertThat(http.get("/admin/import").status()).isEqualTo(302);

        var admin = newsroom.staff(Role.ADMIN);
        StaffClient adminClient = StaffClient.signIn(http, admin.username(), Newsroom.PASSWORD);
        assertThat(adminClient.postWithoutCsrf("/admin/import").status()).isEqualTo(403);
        assertThat(adminClient.get("/admin/import/999999").status()).isEqualTo(404);
        assertThat(adminClient.get("/admin/import").page().select("nav a[href=/admin/import]"))
                .hasSize(1);
    }
}
