package news.broadsheet.importer.internal;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes WXR 1.2 elements with StAX as WordPress's own exporter lays them out: text in CDATA
 * sections (split around {@code ]]>}), dates in WordPress's formats. Nothing is buffered beyond
 * the writer's own buffer.
 */
public final class WxrWriter implements AutoCloseable {

    public static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
    public static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    public static final String WFW = "http://wellformedweb.org/CommentAPI/";
    public static final String DC = "http://purl.org/dc/elements/1.1/";
    public static final String WP = "http://wordpress.org/export/1.2/";
    /** Broadsheet's own namespace, for the few things WXR has no element for (an author's bio); importers skip it. */
    public static final String BROADSHEET = "https://broadsheet.news/export/wxr/1.0/";

    /** What WordPress writes for a date that was never set (a draft's GMT date). */
    public static final String NO_DATE = "0000-00-00 00:00:00";

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final XMLStreamWriter xml;
    private final ZoneId zone;
    private int depth;

    /**
     * @param zone the site's time zone, for WordPress's local dates ({@code post_date})
     */
    public WxrWriter(OutputStream out, ZoneId zone) {
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        } catch (XMLStreamException e) {
            throw new WxrWriteException(e);
        }
        this.zone = zone;
    }

    public void startDocument(String comment) {
        run(() -> {
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeComment(" " + comment + " ");
            xml.writeCharacters("\n");
            xml.setPrefix("excerpt", EXCERPT);
            xml.setPrefix("content", CONTENT);
            xml.setPrefix("wfw", WFW);
            xml.setPrefix("dc", DC);
            xml.setPrefix("wp", WP);
            xml.setPrefix("broadsheet", BROADSHEET);
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("excerpt", EXCERPT);
            xml.writeNamespace("content", CONTENT);
            xml.writeNamespace("wfw", WFW);
            xml.writeNamespace("dc", DC);
            xml.writeNamespace("wp", WP);
            xml.writeNamespace("broadsheet", BROADSHEET);
        });
        depth = 1;
        start("channel");
    }

    public void endDocument() {
        end(); // channel
        run(() -> {
            xml.writeCharacters("\n");
            xml.writeEndElement(); // rss
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        });
    }

    /** Opens an element without a namespace ({@code item}, {@code channel}) on a new line. */
    public void start(String name) {
        run(() -> {
            newLine();
            xml.writeStartElement(name);
        });
        depth++;
    }

    /** Opens an element in the {@code wp} namespace on a new line. */
    public void startWp(String name) {
        run(() -> {
            newLine();
            xml.writeStartElement(WP, name);
        });
        depth++;
    }

    public void end() {
        depth--;
        run(() -> {
            newLine();
            xml.writeEndElement();
        });
    }

    /** An element with escaped text, for values WordPress writes bare (ids, slugs, statuses, URLs). */
    public void text(@Nullable String namespace, String name, @Nullable String value) {
        run(() -> {
            newLine();
            open(namespace, name);
            xml.writeCharacters(clean(value == null ? "" : value));
            xml.writeEndElement();
        });
    }

    public void wp(String name, @Nullable String value) {
        text(WP, name, value);
    }

    public void wp(String name, long value) {
        text(WP, name, Long.toString(value));
    }

    /** An element whose text is a CDATA section, for free text (titles, bodies, names, meta values). */
    public void cdata(@Nullable String namespace, String name, @Nullable String value) {
        run(() -> {
            newLine();
            open(namespace, name);
            writeCData(value == null ? "" : value);
            xml.writeEndElement();
        });
    }

    public void wpCdata(String name, @Nullable String value) {
        cdata(WP, name, value);
    }

    /** {@code <category domain="…" nicename="…"><![CDATA[name]]></category>} on an item. */
    public void category(String domain, String nicename, String name) {
        run(() -> {
            newLine();
            xml.writeStartElement("category");
            xml.writeAttribute("domain", domain);
            xml.writeAttribute("nicename", clean(nicename));
            writeCData(name);
            xml.writeEndElement();
        });
    }

    /** {@code <guid isPermaLink="false">…</guid>}. */
    public void guid(String value) {
        run(() -> {
            newLine();
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "false");
            xml.writeCharacters(clean(value));
            xml.writeEndElement();
        });
    }

    /** A {@code wp:postmeta}, {@code wp:commentmeta} or {@code wp:termmeta} pair. */
    public void meta(String element, String key, String value) {
        startWp(element);
        wp("meta_key", key);
        wpCdata("meta_value", value);
        end();
    }

    /** WordPress's local date ({@code 2026-05-31 14:05:09}) in the site's zone. */
    public String localDate(Instant at) {
        return WP_DATE.format(at.atZone(zone));
    }

    public static String gmtDate(Instant at) {
        return WP_DATE.format(at.atOffset(ZoneOffset.UTC));
    }

    /** RFC 822 in GMT, as in {@code pubDate}: {@code Sun, 31 May 2026 12:05:09 +0000}. */
    public static String rfc822(Instant at) {
        return RFC_822.format(at.atOffset(ZoneOffset.UTC));
    }

    public void flush() {
        run(xml::flush);
    }

    @Override
    public void close() {
        run(xml::close);
    }

    private void open(@Nullable String namespace, String name) throws XMLStreamException {
        if (namespace == null) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement(namespace, name);
        }
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n" + "\t".repeat(Math.max(0, depth - 1)));
    }

    /**
     * Text as CDATA. A CDATA section cannot hold {@code ]]>}, so the text is split between the two
     * brackets and the {@code >}, the way WordPress's exporter does it; a carriage return (which a
     * parser would turn into a line feed) is written as a character reference between sections, so
     * the text reads back exactly.
     */
    private void writeCData(String value) throws XMLStreamException {
        String text = clean(value);
        StringBuilder section = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                flushCData(section, false);
                xml.writeEntityRef("#13");
            } else if (c == '>' && i >= 2 && text.charAt(i - 1) == ']' && text.charAt(i - 2) == ']') {
                flushCData(section, false);
                section.append(c);
            } else {
                section.append(c);
            }
        }
        flushCData(section, true);
    }

    private void flushCData(StringBuilder section, boolean last) throws XMLStreamException {
        if (section.length() > 0 || last) {
            xml.writeCData(section.toString());
            section.setLength(0);
        }
    }

    /**
     * The text without characters XML 1.0 cannot carry at all (NUL and other C0 controls except tab,
     * line feed and carriage return; unpaired surrogates; U+FFFE and U+FFFF).
     */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private void run(XmlAction action) {
        try {
            action.run();
        } catch (XMLStreamException e) {
            throw new WxrWriteException(e);
        }
    }

    @FunctionalInterface
    private interface XmlAction {
        void run() throws XMLStreamException;
    }

    /** Writing the document failed (usually: the client went away). */
    public static final class WxrWriteException extends RuntimeException {
        WxrWriteException(XMLStreamException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
