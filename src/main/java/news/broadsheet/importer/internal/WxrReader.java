package news.broadsheet.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import news.broadsheet.importer.MalformedExportException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a WXR file as a stream (StAX): one item at a time reaches the handler, so memory stays
 * flat however large the file. DTDs and external entities are refused (the file may come from
 * an upload).
 */
public final class WxrReader {

    /** Receives what the reader finds, in file order. */
    public interface Handler {
        default void site(Wxr.Site site) {}

        default void author(Wxr.Author author) {}

        default void category(Wxr.Category category) {}

        default void tag(Wxr.Tag tag) {}

        default void item(Wxr.Item item) {}
    }

    /** Post meta the importer uses; the rest is skipped as it is read. */
    private static final Set<String> KEPT_META =
            Set.of("_thumbnail_id", "_wp_attached_file", "_wp_attachment_image_alt");

    /** Broadsheet's own post meta that repeats; the rest of {@code _broadsheet_*} is kept once. */
    private static final Set<String> REPEATED_META =
            Set.of("_broadsheet_byline", "_broadsheet_extra_section", "_broadsheet_correction");

    private static final XMLInputFactory FACTORY = factory();

    private WxrReader() {}

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Reads the whole file.
     *
     * @throws MalformedExportException with the line and column of the first problem
     */
    public static void read(Path file, Handler handler) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                new Run(xml, handler).document();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private static MalformedExportException malformed(XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        // The JDK's parser puts "ParseError at [row,col]:[r,c]\nMessage: ..." in front of the reason.
        int cut = message.indexOf("Message: ");
        if (cut >= 0) {
            message = message.substring(cut + "Message: ".length());
        }
        message = message.strip();
        return new MalformedExportException(
                message, at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber());
    }

    private static final class Run {
        private final XMLStreamReader xml;
        private final Handler handler;
        private final Map<String, String> channel = new HashMap<>();
        private boolean siteSent;

        Run(XMLStreamReader xml, Handler handler) {
            this.xml = xml;
            this.handler = handler;
        }

        void document() throws XMLStreamException {
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            if (!xml.isStartElement() || !"rss".equals(xml.getLocalName())) {
                Location at = xml.getLocation();
                throw new MalformedExportException(
                        "this is not a WordPress export (it should start with <rss>)",
                        at.getLineNumber(),
                        at.getColumnNumber());
            }
            boolean sawChannel = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("channel".equals(xml.getLocalName())) {
                        sawChannel = true;
                        channel();
                    } else {
                        skip();
                    }
                }
            }
            if (!sawChannel) {
                throw new MalformedExportException("this is not a WordPress export (it has no <channel>)", 0, 0);
            }
            sendSite();
        }

        private void channel() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                boolean wp = isWordPress(xml.getNamespaceURI());
                if ("item".equals(name)) {
                    sendSite();
                    handler.item(item());
                } else if (wp && "author".equals(name)) {
                    sendSite();
                    Map<String, String> f = fields();
                    handler.author(new Wxr.Author(
                            f.getOrDefault("author_id", ""),
                            f.getOrDefault("author_login", ""),
                            f.getOrDefault("author_email", ""),
                            f.getOrDefault("author_display_name", ""),
                            f.getOrDefault("author_first_name", ""),
                            f.getOrDefault("author_last_name", "")));
                } else if (wp && "category".equals(name)) {
                    sendSite();
                    Map<String, String> f = fields();
                    handler.category(new Wxr.Category(
                            f.getOrDefault("term_id", ""),
                            f.getOrDefault("category_nicename", ""),
                            f.getOrDefault("category_parent", ""),
                            f.getOrDefault("cat_name", ""),
                            f.getOrDefault("category_description", "")));
                } else if (wp && "tag".equals(name)) {
                    sendSite();
                    Map<String, String> f = fields();
                    handler.tag(new Wxr.Tag(
                            f.getOrDefault("term_id", ""),
                            f.getOrDefault("tag_slug", ""),
                            f.getOrDefault("tag_name", ""),
                            f.getOrDefault("tag_description", "")));
                } else if (wp && "term".equals(name)) {
                    sendSite();
                    Map<String, String> f = fields();
                    String taxonomy = f.getOrDefault("term_taxonomy", "");
                    if ("category".equals(taxonomy)) {
                        handler.category(new Wxr.Category(
                                f.getOrDefault("term_id", ""),
                                f.getOrDefault("term_slug", ""),
                                f.getOrDefault("term_parent", ""),
                                f.getOrDefault("term_name", ""),
                                f.getOrDefault("term_description", "")));
                    } else if ("post_tag".equals(taxonomy)) {
                        handler.tag(new Wxr.Tag(
                                f.getOrDefault("term_id", ""),
                                f.getOrDefault("term_slug", ""),
                                f.getOrDefault("term_name", ""),
                                f.getOrDefault("term_description", "")));
                    }
                } else if (!siteSent && (name.equals("title") || name.equals("link") || wp)) {
                    String key = (wp ? "wp:" : "") + name;
                    channel.put(key, text());
                } else {
                    skip();
                }
            }
        }

        private void sendSite() {
            if (!siteSent) {
                siteSent = true;
                handler.site(new Wxr.Site(
                        channel.getOrDefault("title", ""),
                        channel.getOrDefault("link", ""),
                        channel.getOrDefault("wp:base_site_url", ""),
                        channel.getOrDefault("wp:base_blog_url", ""),
                        channel.getOrDefault("wp:wxr_version", "")));
            }
        }

        private Wxr.Item item() throws XMLStreamException {
            int line = xml.getLocation().getLineNumber();
            Map<String, String> f = new HashMap<>();
            List<Wxr.Term> terms = new ArrayList<>();
            Map<String, String> meta = new HashMap<>();
            List<Wxr.Comment> comments = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                String ns = xml.getNamespaceURI();
                if ("category".equals(name) && !isWordPress(ns)) {
                    String domain = attribute("domain");
                    String nicename = attribute("nicename");
                    terms.add(new Wxr.Term(
                            domain == null ? "category" : domain, nicename == null ? "" : nicename, text()));
                } else if ("postmeta".equals(name)) {
                    Map<String, String> m = fields();
                    String key = m.getOrDefault("meta_key", "");
                    if (KEPT_META.contains(key)) {
                        meta.put(key, m.getOrDefault("meta_value", ""));
                    } else if (REPEATED_META.contains(key)) {
                        // Repeated keys (one per byline or extra section) travel one per line.
                        meta.merge(key, m.getOrDefault("meta_value", ""), (a, b) -> a + "\n" + b);
                    } else if (key.startsWith("_broadsheet_")) {
                        meta.put(key, m.getOrDefault("meta_value", ""));
                    }
                } else if ("comment".equals(name) && isWordPress(ns)) {
                    comments.add(comment());
                } else if ("encoded".equals(name)) {
                    f.put(ns != null && ns.contains("excerpt") ? "excerpt" : "content", text());
                } else {
                    f.put(name, text());
                }
            }
            return new Wxr.Item(
                    f.getOrDefault("title", ""),
                    f.getOrDefault("link", ""),
                    f.getOrDefault("guid", ""),
                    f.getOrDefault("creator", ""),
                    f.getOrDefault("content", ""),
                    f.getOrDefault("excerpt", ""),
                    f.getOrDefault("post_id", ""),
                    f.getOrDefault("post_date", ""),
                    f.getOrDefault("post_date_gmt", ""),
                    f.getOrDefault("pubDate", ""),
                    f.getOrDefault("comment_status", ""),
                    f.getOrDefault("post_name", ""),
                    f.getOrDefault("status", ""),
                    f.getOrDefault("post_parent", ""),
                    f.getOrDefault("post_type", ""),
                    f.getOrDefault("attachment_url", ""),
                    terms,
                    meta,
                    comments,
                    line);
        }

        /** The children of the current element as name → text (the last of a repeated name wins). */
        /** A {@code wp:comment}, with Broadsheet's own comment meta (exact time, featured). */
        private Wxr.Comment comment() throws XMLStreamException {
            Map<String, String> c = new HashMap<>();
            Map<String, String> meta = new HashMap<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("commentmeta".equals(xml.getLocalName())) {
                        Map<String, String> m = fields();
                        String key = m.getOrDefault("meta_key", "");
                        if (key.startsWith("_broadsheet_")) {
                            meta.put(key, m.getOrDefault("meta_value", ""));
                        }
                    } else {
                        c.put(xml.getLocalName(), text());
                    }
                }
            }
            return new Wxr.Comment(
                    c.getOrDefault("comment_id", ""),
                    c.getOrDefault("comment_author", ""),
                    c.getOrDefault("comment_author_email", ""),
                    c.getOrDefault("comment_date", ""),
                    c.getOrDefault("comment_date_gmt", ""),
                    c.getOrDefault("comment_content", ""),
                    c.getOrDefault("comment_approved", ""),
                    c.getOrDefault("comment_type", ""),
                    c.getOrDefault("comment_parent", ""),
                    Map.copyOf(meta));
        }

        private Map<String, String> fields() throws XMLStreamException {
            Map<String, String> fields = new HashMap<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return fields;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    fields.put(name, text());
                }
            }
            return fields;
        }

        /** The text of the current element, its children's text included; leaves the reader on its end tag. */
        private String text() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (--depth == 0) {
                            return text.toString().strip();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS,
                            XMLStreamConstants.CDATA,
                            XMLStreamConstants.SPACE,
                            XMLStreamConstants.ENTITY_REFERENCE -> text.append(xml.getText());
                    default -> {}
                }
            }
            return text.toString().strip();
        }

        private void skip() throws XMLStreamException {
            int depth = 1;
            while (xml.hasNext() && depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private @Nullable String attribute(String name) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (name.equals(xml.getAttributeLocalName(i))) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }

        private static boolean isWordPress(@Nullable String namespace) {
            return namespace != null
                    && namespace.startsWith("http://wordpress.org/export/")
                    && !namespace.contains("excerpt");
        }
    }
}
