package news.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.SharedTestData;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.NodeList;

/**
 * Real exports from {@code ../shared/testdata/wxr}: every one imports, or (the malformed ones) is
 * refused with nothing written; CC Labs imports completely, its counts checked against a DOM
 * count of the file.
 */
// A context of its own: hundreds of imported sections would crowd the pages of other tests' contexts.
@news.broadsheet.support.IntegrationTest(properties = "broadsheet.test.context=wordpress-shared-exports")
class WordPressSharedExportsIntegrationTests {

    private static final Actor ACTOR = new Actor(null, "test import");
    private static final String WP = "http://wordpress.org/export/1.2/";

    @Autowired
    WordPressImporter importer;

    @Autowired
    TestDatabaseQueries db;

    /** Whether a plain DOM parser (not the importer's) can read the file. */
    private static boolean wellFormed(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.parse(file.toFile());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void importsEveryFixtureOrRefusesTheMalformedOnesWritingNothing() throws IOException {
        Path dir = SharedTestData.require("wxr/wordpress-importer-fixtures/wxr-simple.xml")
                .getParent();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(38);
        int refused = 0;
        for (Path file : files) {
            int articles = db.count("article");
            int items = db.count("wp_import_item");
            if (!wellFormed(file)) {
                refused++;
                assertThatThrownBy(() -> importer.importFile(
                                file, new ImportOptions(null, false, false), ACTOR, ImportProgress.NONE))
                        .as(file.getFileName().toString())
                        .isInstanceOfSatisfying(
                                MalformedExportException.class,
                                e -> assertThat(e.line())
                                        .as(file.getFileName().toString())
                                        .isPositive());
                assertThat(db.count("article"))
                        .as(file.getFileName().toString())
                        .isEqualTo(articles);
                assertThat(db.count("wp_import_item"))
                        .as(file.getFileName().toString())
                        .isEqualTo(items);
            } else {
                ImportReport report =
                        importer.importFile(file, new ImportOptions(null, false, false), ACTOR, ImportProgress.NONE);
                ImportReport.Counts stories = report.count("stories");
                assertThat(stories.imported() + stories.alreadyThere() + stories.skipped())
                        .as(file.getFileName() + ": every post accounted for")
                        .isEqualTo(stories.inFile());
            }
        }
        assertThat(refused).isEqualTo(3);
        // Whatever the fixtures held, no imported body carries script.
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM article WHERE LOWER(body_html) LIKE '%<script%'"
                                + " OR LOWER(body_html) LIKE '%javascript:%' OR LOWER(body_html) LIKE '%onerror%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void importsCcLabsCompletelyWithCountsMatchingTheFile() throws Exception {
        Path file = SharedTestData.require("wxr/cc-labs-wordpress.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document dom = factory.newDocumentBuilder().parse(file.toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "wp" -> WP;
                    case "dc" -> "http://purl.org/dc/elements/1.1/";
                    default -> javax.xml.XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        long posts = count(xpath, dom, "count(//item[wp:post_type='post'])");
        long pages = count(xpath, dom, "count(//item[wp:post_type='page'])");
        long comments = count(xpath, dom, "count(//item[wp:post_type='post']/wp:comment)");
        long unpublishable = count(
                xpath,
                dom,
                "count(//item[wp:post_type='post'][wp:status!='publish' and wp:status!='draft'"
                        + " and wp:status!='future' and wp:status!='pending' and wp:status!='private'])");
        Set<String> logins = texts(xpath, dom, "//wp:author/wp:author_login");
        logins.addAll(texts(xpath, dom, "//item[wp:post_type='post' or wp:post_type='page']/dc:creator"));
        Set<String> categories = texts(xpath, dom, "/rss/channel/wp:category/wp:category_nicename");
        categories.addAll(attributes(xpath, dom, "//item/category[@domain='category']/@nicename"));
        Set<String> tags = texts(xpath, dom, "/rss/channel/wp:tag/wp:tag_slug");
        tags.addAll(attributes(xpath, dom, "//item/category[@domain='post_tag']/@nicename"));
        int articlesBefore = db.count("article");
        int commentsBefore = db.count("comment");

        ImportReport report =
                importer.importFile(file, new ImportOptions(null, false, false), ACTOR, ImportProgress.NONE);

        assertThat(posts).isEqualTo(219);
        assertThat(report.count("stories"))
                .isEqualTo(new ImportReport.Counts(posts, posts - unpublishable, 0, unpublishable));
        assertThat(report.count("comments").inFile())
                .isEqualTo(comments + count(xpath, dom, "count(//item[wp:post_type!='post']/wp:comment)"));
        assertThat(report.count("comments").imported()).isEqualTo(comments);
        assertThat(report.count("pages").inFile()).isEqualTo(pages);
        assertThat(report.count("pages").imported() + report.count("pages").skipped())
                .isEqualTo(pages);
        assertThat(report.count("authors")).isEqualTo(new ImportReport.Counts(logins.size(), logins.size(), 0, 0));
        assertThat(report.count("sections").inFile()).isEqualTo(categories.size());
        assertThat(report.count("sections").imported()).isEqualTo(categories.size());
        assertThat(report.count("tags").inFile()).isEqualTo(tags.size());
        assertThat(report.count("tags").imported() + report.count("tags").skipped())
                .isEqualTo(tags.size());
        assertThat(db.count("article") - articlesBefore).isEqualTo(posts - unpublishable);
        assertThat(db.count("comment") - commentsBefore).isEqualTo(comments);

        ImportReport again =
                importer.importFile(file, new ImportOptions(null, false, false), ACTOR, ImportProgress.NONE);
        assertThat(again.count("stories").alreadyThere()).isEqualTo(posts - unpublishable);
        assertThat(again.count("stories").imported()).isZero();
        // The same export converts to the same text: no story is "updated" by importing it again.
        assertThat(again.count("stories").updated()).isZero();
        assertThat(again.count("pages").updated()).isZero();
        assertThat(again.notes()).noneMatch(note -> note.contains("edited here"));
        assertThat(db.count("article") - articlesBefore).isEqualTo(posts - unpublishable);
    }

    private static long count(XPath xpath, org.w3c.dom.Document dom, String expression) throws Exception {
        return Math.round((Double) xpath.evaluate(expression, dom, XPathConstants.NUMBER));
    }

    private static Set<String> texts(XPath xpath, org.w3c.dom.Document dom, String expression) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(expression, dom, XPathConstants.NODESET);
        Set<String> values = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            String value = nodes.item(i).getTextContent().strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    private static Set<String> attributes(XPath xpath, org.w3c.dom.Document dom, String expression) throws Exception {
        return texts(xpath, dom, expression);
    }
}
