package news.broadsheet.sitemap.web;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import news.broadsheet.shared.XmlText;
import org.jspecify.annotations.Nullable;

/**
 * A sitemap document written with {@link XMLStreamWriter}, which escapes every text and attribute;
 * {@link XmlText#clean} drops the characters XML cannot carry at all.
 */
final class SitemapXml {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    private final XMLStreamWriter xml;

    /** Starts a document whose root element is {@code root} in the sitemap namespace. */
    SitemapXml(String root, boolean news) {
        try {
            xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(SITEMAP_NS);
            xml.writeStartElement(SITEMAP_NS, root);
            xml.writeDefaultNamespace(SITEMAP_NS);
            if (news) {
                xml.setPrefix("news", NEWS_NS);
                xml.writeNamespace("news", NEWS_NS);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code <url>} or {@code <sitemap>} entry with its address and, if known, its last change. */
    SitemapXml entry(String element, String loc, @Nullable Instant lastmod) {
        try {
            xml.writeStartElement(SITEMAP_NS, element);
            text(SITEMAP_NS, "loc", loc);
            if (lastmod != null) {
                text(SITEMAP_NS, "lastmod", w3c(lastmod));
            }
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code <url>} of the Google News sitemap. */
    SitemapXml newsEntry(String loc, String publication, String language, Instant published, String title) {
        try {
            xml.writeStartElement(SITEMAP_NS, "url");
            text(SITEMAP_NS, "loc", loc);
            xml.writeStartElement(NEWS_NS, "news");
            xml.writeStartElement(NEWS_NS, "publication");
            text(NEWS_NS, "name", publication);
            text(NEWS_NS, "language", language);
            xml.writeEndElement();
            text(NEWS_NS, "publication_date", w3c(published));
            text(NEWS_NS, "title", title);
            xml.writeEndElement();
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] finish() {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void text(String namespace, String element, String value) throws XMLStreamException {
        xml.writeStartElement(namespace, element);
        xml.writeCharacters(XmlText.clean(value));
        xml.writeEndElement();
    }

    /** W3C Datetime to the second, in UTC: {@code 2026-05-31T09:15:00Z}. */
    static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
