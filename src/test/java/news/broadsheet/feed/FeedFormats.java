package news.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import news.broadsheet.support.SharedTestData;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads feeds the strict way a careful feed reader would, and checks each format's rules. */
public final class FeedFormats {

    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    public static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    private static final Path JING = Path.of("/usr/bin/jing");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FeedFormats() {}

    /** Parses with a namespace-aware parser that refuses DOCTYPEs and external entities. */
    public static Document strictXml(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + body, e);
        }
    }

    /** Validates with Debian's jing against RFC 4287's schema; skipped, with a message, without either. */
    public static void assertValidAtom(String body) {
        Path schema = SharedTestData.require("feeds/atom-rfc4287.rnc");
        Assumptions.assumeTrue(
                Files.isExecutable(JING), "Skipped: " + JING + " is not installed (Debian package jing)");
        try {
            Path file = Files.createTempFile("feed", ".atom");
            try {
                Files.writeString(file, body, StandardCharsets.UTF_8);
                Process jing = new ProcessBuilder(
                                JING.toString(), "-c", schema.toAbsolutePath().toString(), file.toString())
                        .redirectErrorStream(true)
                        .start();
                String output = new String(jing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(jing.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(jing.exitValue())
                        .as("jing says:\n%s\nabout:\n%s", output, body)
                        .isZero();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Atom's required elements (RFC 4287 4.1), checked without any external tool. */
    public static Document assertAtomStructure(String body) {
        Document xml = strictXml(body);
        Element feed = xml.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM_NS);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        // The value is the site language (broadsheet.site.language), checked where a test sets it.
        assertThat(feed.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).matches("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(children(feed, ATOM_NS, required)).as("feed/" + required).hasSize(1);
        }
        assertThat(links(feed, "self")).hasSize(1);
        assertThat(children(feed, ATOM_NS, "author")).isNotEmpty();
        ZonedDateTime.parse(text(feed, ATOM_NS, "updated"), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        for (Element entry : children(feed, ATOM_NS, "entry")) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, ATOM_NS, required))
                        .as("entry/" + required)
                        .hasSize(1);
            }
            assertThat(URI.create(text(entry, ATOM_NS, "id")).isAbsolute()).isTrue();
            assertThat(links(entry, "alternate")).hasSize(1);
            assertThat(absoluteHttp(links(entry, "alternate").getFirst().getAttribute("href")))
                    .isTrue();
            assertThat(children(entry, ATOM_NS, "author")).isNotEmpty();
            ZonedDateTime.parse(text(entry, ATOM_NS, "updated"), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return xml;
    }

    /** RSS 2.0: strict parse, RFC 822 dates, absolute links and guids. */
    public static Document assertRss(String body) {
        Document xml = strictXml(body);
        Element rss = xml.getDocumentElement();
        assertThat(rss.getLocalName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = children(rss, null, "channel").getFirst();
        assertThat(text(channel, null, "title")).isNotBlank();
        assertThat(absoluteHttp(text(channel, null, "link"))).isTrue();
        assertThat(children(channel, null, "description")).hasSize(1);
        rfc822(text(channel, null, "lastBuildDate"));
        for (Element item : children(channel, null, "item")) {
            rfc822(text(item, null, "pubDate"));
            assertThat(absoluteHttp(text(item, null, "link"))).isTrue();
            assertThat(URI.create(text(item, null, "guid")).isAbsolute()).isTrue();
            assertThat(text(item, null, "title")).isNotBlank();
        }
        return xml;
    }

    /** JSON Feed 1.1's required and recommended members. */
    public static JsonNode assertJsonFeed(String body) {
        JsonNode feed = JSON.readTree(body);
        assertThat(feed.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asString()).isNotBlank();
        assertThat(absoluteHttp(feed.path("home_page_url").asString())).isTrue();
        assertThat(absoluteHttp(feed.path("feed_url").asString())).isTrue();
        assertThat(feed.path("language").asString()).matches("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
        assertThat(feed.path("items").isArray()).isTrue();
        for (JsonNode item : feed.path("items")) {
            assertThat(item.path("id").asString()).isNotBlank();
            assertThat(absoluteHttp(item.path("url").asString())).isTrue();
            assertThat(item.path("title").isString()).isTrue();
            assertThat(item.has("content_html") || item.has("content_text")).isTrue();
            ZonedDateTime.parse(item.path("date_published").asString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(item.has("author")).as("1.1 uses authors, not author").isFalse();
            assertThat(item.path("authors").isArray()).isTrue();
            assertThat(item.path("authors")).isNotEmpty();
        }
        return feed;
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    public static ZonedDateTime rfc822(String date) {
        return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    public static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element
                    && name.equals(element.getLocalName())
                    && java.util.Objects.equals(namespace, element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    public static String text(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).isNotEmpty();
        return found.getFirst().getTextContent();
    }

    public static List<Element> links(Element parent, String rel) {
        return children(parent, ATOM_NS, "link").stream()
                .filter(link -> rel.equals(link.getAttribute("rel").isEmpty() ? "alternate" : link.getAttribute("rel")))
                .toList();
    }

    /** Entries (Atom) or items (RSS) of a parsed feed. */
    public static List<Element> items(Document xml) {
        Element root = xml.getDocumentElement();
        if (ATOM_NS.equals(root.getNamespaceURI())) {
            return children(root, ATOM_NS, "entry");
        }
        return children(children(root, null, "channel").getFirst(), null, "item");
    }

    static boolean absoluteHttp(String url) {
        URI uri = URI.create(url);
        return uri.isAbsolute()
                && (uri.getScheme().equals("http") || uri.getScheme().equals("https"));
    }
}
