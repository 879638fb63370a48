package news.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.Role;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Fuzz;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Feeds the importer seeded mutations of a real export (truncated, spliced, re-encoded, with odd
 * values and entity tricks): each ends in a report or in a {@link MalformedExportException} that
 * says where, never in another exception, and no entity is ever expanded or fetched.
 */
@IntegrationTest
class WordPressImportFuzzIntegrationTests {

    private static final Actor ACTOR = new Actor(null, "fuzz import");

    private static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
            """;

    private static final List<String> DOCTYPES = List.of(
            "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>",
            "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/x\">]>",
            "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]>",
            "<!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/rss.dtd\">",
            "<!DOCTYPE rss [<!ENTITY xxe \"inner\">]>");

    @Autowired
    WordPressImporter importer;

    @Autowired
    Accounts accounts;

    @TempDir
    Path temp;

    @Test
    void endsEveryMutatedExportInAReportOrASaidProblem() throws Exception {
        Fuzz fuzz = Fuzz.seeded("wordpress import");
        for (int i = 0; i < 120; i++) {
            String key = Newsroom.unique("fuzz");
            String xml = mutate(fuzz, WxrFixture.xml(key, fuzz.chance(50)));
            Charset charset = fuzz.pick(List.of(
                    StandardCharsets.UTF_8,
                    StandardCharsets.UTF_8,
                    StandardCharsets.UTF_16,
                    StandardCharsets.UTF_16LE,
                    StandardCharsets.ISO_8859_1));
            Path file = temp.resolve("export-" + i + ".xml");
            Files.write(file, fuzz.chance(5) ? randomBytes(fuzz) : xml.getBytes(charset));
            // Mostly dry runs (all checks, no writes); now and then a real import of its own names.
            boolean dryRun = fuzz.chance(75);
            try {
                ImportReport report = importer.importFile(
                        // Accounts only in dry runs: the fixture's logins are the same in every export,
                        // and an account made here would take the username other tests' imports expect.
                        file, new ImportOptions(null, dryRun, dryRun && fuzz.chance(30)), ACTOR, ImportProgress.NONE);
                assertThat(report).as(fuzz.describe(xml)).isNotNull();
            } catch (MalformedExportException expected) {
                assertThat(expected.getMessage()).as(fuzz.describe(xml)).isNotBlank();
            } catch (Exception | Error e) {
                throw new AssertionError(fuzz.describe(charset + " " + xml), e);
            }
        }
    }

    @Test
    void refusesEntityExpansionWithoutExpandingIt() throws Exception {
        Path file = temp.resolve("laughs.xml");
        Files.writeString(file, BILLION_LAUGHS);
        long started = System.nanoTime();

        assertThatThrownBy(() ->
                        importer.importFile(file, new ImportOptions(null, true, false), ACTOR, ImportProgress.NONE))
                .isInstanceOf(MalformedExportException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void neverReadsExternalEntities() throws Exception {
        String key = Newsroom.unique("xxe");
        for (String doctype : DOCTYPES) {
            String xml = WxrFixture.xml(key, false)
                    .replaceFirst("\\?>", "?>\n" + java.util.regex.Matcher.quoteReplacement(doctype))
                    .replace("<title>Photo of the quay</title>", "<title>&xxe;</title>");
            Path file = temp.resolve("xxe.xml");
            Files.writeString(file, xml);

            assertThatThrownBy(() -> importer.importFile(
                            file, new ImportOptions(null, false, false), ACTOR, ImportProgress.NONE))
                    .as(doctype)
                    .isInstanceOf(MalformedExportException.class);
        }
    }

    // Inputs the fuzzer found, kept as examples.

    @Test
    void skipsAnAccountWhoseUsernameIsTakenInsteadOfFailing() throws Exception {
        String login = Newsroom.unique("ana").replace('-', '.');
        accounts.createDisabled(login, "Someone Else", login + "@example.com", Role.REPORTER, ACTOR);
        String xml = WxrFixture.xml(Newsroom.unique("taken"), false)
                .replace(">ana<", ">" + login + "<")
                .replace("[CDATA[ana]]", "[CDATA[" + login + "]]");
        Path file = temp.resolve("taken.xml");
        Files.writeString(file, xml);

        ImportReport report =
                importer.importFile(file, new ImportOptions(null, false, true), ACTOR, ImportProgress.NONE);

        assertThat(report.skipped())
                .filteredOn(skipped ->
                        skipped.kind().equals("accounts") && skipped.wpId().equals(login))
                .singleElement()
                .extracting(ImportReport.Skipped::reason)
                .asString()
                .contains("taken");
        assertThat(report.count("stories").imported()).isPositive();
    }

    private static String mutate(Fuzz fuzz, String xml) {
        String mutated = xml;
        int mutations = fuzz.between(1, 3);
        for (int m = 0; m < mutations; m++) {
            int at = fuzz.random().nextInt(mutated.length() + 1);
            mutated = switch (fuzz.random().nextInt(9)) {
                case 0 -> mutated.substring(0, at);
                case 1 -> {
                    int end = Math.min(mutated.length(), at + fuzz.between(1, 200));
                    yield mutated.substring(0, at) + mutated.substring(end);
                }
                case 2 -> mutated.substring(0, at) + fuzz.text() + mutated.substring(at);
                case 3 -> replaceValue(fuzz, mutated, escape(fuzz.text()));
                case 4 -> replaceValue(fuzz, mutated, fuzz.numberish());
                case 5 ->
                    mutated.replaceFirst(
                            "\\?>", "?>\n" + java.util.regex.Matcher.quoteReplacement(fuzz.pick(DOCTYPES)));
                case 6 ->
                    mutated.replace(
                            "encoding=\"UTF-8\"",
                            "encoding=\"" + fuzz.pick(List.of("UTF-16", "EBCDIC", "nonsense", "")) + "\"");
                case 7 -> mutated.substring(0, at) + "<![CDATA[" + fuzz.text() + mutated.substring(at);
                default ->
                    mutated.substring(0, at) + "&" + fuzz.pick(List.of("xxe;", "#0;", "#xD800;", "#99999999;", "amp"))
                            + mutated.substring(at);
            };
        }
        return mutated;
    }

    /** Replaces the text of one random element ({@code >value</}) with another. */
    private static String replaceValue(Fuzz fuzz, String xml, String value) {
        var matcher = java.util.regex.Pattern.compile(">([^<>]+)</").matcher(xml);
        List<java.util.regex.MatchResult> values = matcher.results().toList();
        if (values.isEmpty()) {
            return xml;
        }
        var chosen = fuzz.pick(values);
        return xml.substring(0, chosen.start(1)) + value + xml.substring(chosen.end(1));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static byte[] randomBytes(Fuzz fuzz) {
        byte[] bytes = new byte[fuzz.between(0, 4_000)];
        fuzz.random().nextBytes(bytes);
        return bytes;
    }
}
