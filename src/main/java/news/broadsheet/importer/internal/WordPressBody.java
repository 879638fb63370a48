package news.broadsheet.importer.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a WordPress post body (classic HTML with wpautop's blank-line paragraphs, or block-editor
 * markup) into a clean HTML body the article renderer takes as it is: block comments removed,
 * image, gallery and embed blocks and the {@code [caption]}, {@code [gallery]} and {@code [embed]}
 * shortcodes turned into figures and links, any other shortcode kept as text and named in the
 * result. The article module sanitises the result again on write.
 */
public final class WordPressBody {

    /** An image a gallery shows. */
    public record Image(String src, String alt) {}

    /** Finds the images of a {@code [gallery]}: by attachment ids, or those attached to the post. */
    public interface Galleries {
        List<Image> byIds(List<String> attachmentIds);

        List<Image> attachedToPost();

        Galleries NONE = new Galleries() {
            @Override
            public List<Image> byIds(List<String> attachmentIds) {
                return List.of();
            }

            @Override
            public List<Image> attachedToPost() {
                return List.of();
            }
        };
    }

    /**
     * The converted body.
     *
     * @param unknownShortcodes names of shortcodes left in the text, once per use
     * @param notes other things a person should know (a gallery without images, a dropped dynamic block)
     */
    public record Result(String html, List<String> unknownShortcodes, List<String> notes) {}

    private static final String ALL_BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul"
            + "|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article"
            + "|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

    private static final Pattern EMBED_BLOCK = Pattern.compile(
            "<!--\\s+wp:((?:core-)?embed(?:/[a-z0-9-]+)?)\\s+(\\{.*?\\})\\s+-->(.*?)<!--\\s+/wp:\\1\\s+-->",
            Pattern.DOTALL);
    private static final Pattern SELF_CLOSING_BLOCK =
            Pattern.compile("<!--\\s+wp:([a-z0-9/-]+)(?:\\s+\\{.*?\\})?\\s+/-->", Pattern.DOTALL);
    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s+/?wp:.*?-->", Pattern.DOTALL);
    private static final Pattern JSON_URL = Pattern.compile("\"url\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FIGCAPTION = Pattern.compile("<figcaption[^>]*>(.*?)</figcaption>", Pattern.DOTALL);

    /** WordPress's own shortcode pattern (get_shortcode_regex), for any tag name. */
    private static final Pattern SHORTCODE = Pattern.compile(
            "\\[(\\[?)([a-zA-Z][a-zA-Z0-9_-]*)(?![\\w-])"
                    + "([^\\]/]*(?:/(?!\\])[^\\]/]*)*?)(?:(/)\\]|\\](?:([^\\[]*+(?:\\[(?!/\\2\\])[^\\[]*+)*+)\\[/\\2\\])?)(\\]?)");

    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*\"([^\"]*)\"(?:\\s|$)"
            + "|([\\w-]+)\\s*=\\s*'([^']*)'(?:\\s|$)|([\\w-]+)\\s*=\\s*([^\\s'\"]+)(?:\\s|$)"
            + "|\"([^\"]*)\"(?:\\s|$)|'([^']*)'(?:\\s|$)|(\\S+)(?:\\s|$)");
    private static final Pattern CAPTIONED_IMAGE =
            Pattern.compile("^\\s*((?:<a\\s[^>]*>\\s*)?<img\\s[^>]*>(?:\\s*</a>)?)(.*)$", Pattern.DOTALL);
    private static final Pattern BARE_URL_LINE = Pattern.compile("(?m)^[ \\t]*(https?://[^\\s<>\"]+)[ \\t]*$");
    private static final Pattern PRE =
            Pattern.compile("<pre[\\s>].*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** Elements that stand on their own at the top of a body; anything else is put in a paragraph. */
    private static final Set<String> TOP_BLOCKS = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "figure", "table", "pre", "hr");

    private WordPressBody() {}

    public static Result convert(String content, Galleries galleries) {
        List<String> unknown = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String text = content.replace("\r\n", "\n").replace('\r', '\n');
        boolean blocks = text.contains("<!-- wp:");
        if (blocks) {
            text = replace(EMBED_BLOCK, text, m -> embed(jsonUrl(m.group(2)), caption(m.group(3))));
            text = replace(SELF_CLOSING_BLOCK, text, m -> {
                notes.add("dynamic block wp:" + m.group(1) + " has no content in the export and was left out");
                return "\n\n";
            });
            text = BLOCK_COMMENT.matcher(text).replaceAll("\n\n");
        }
        text = shortcodes(text, galleries, unknown, notes);
        if (!blocks) {
            text = BARE_URL_LINE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(link(m.group(1))));
            text = autop(text);
        }
        return new Result(clean(text), unknown, notes);
    }

    /** Plain text of a comment or an excerpt: tags removed, paragraphs and line breaks kept as newlines. */
    public static String plainText(String html) {
        String text = html.replace("\r\n", "\n");
        // Most comments are plain text already: no parser needed (a million of them in a big import).
        if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0 || text.indexOf('\r') >= 0) {
            String marked = BREAK.matcher(text).replaceAll("\n");
            marked = PARAGRAPH_END.matcher(marked).replaceAll("\n\n");
            text = Jsoup.parseBodyFragment(marked).body().wholeText();
        }
        text = TRAILING_SPACE.matcher(text).replaceAll("\n");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPH_END = Pattern.compile("(?i)</p>");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private interface Replacer {
        String replace(Matcher match);
    }

    private static String replace(Pattern pattern, String text, Replacer replacer) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacer.replace(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shortcodes(String text, Galleries galleries, List<String> unknown, List<String> notes) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        return replace(SHORTCODE, text, m -> {
            if ("[".equals(m.group(1)) && "]".equals(m.group(6))) {
                // [[caption]] is WordPress's way of writing the shortcode itself as text.
                return m.group().substring(1, m.group().length() - 1);
            }
            String name = m.group(2).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = attributes(m.group(3));
            String inner = m.group(5) == null ? "" : m.group(5);
            return switch (name) {
                case "caption", "wp_caption" -> caption(attributes, shortcodes(inner, galleries, unknown, notes));
                case "gallery" -> gallery(attributes, galleries, notes);
                case "embed" -> {
                    String url = inner.isBlank() ? attributes.getOrDefault("src", "") : inner.strip();
                    yield url.matches("https?://\\S+") ? embed(url, "") : "";
                }
                default -> {
                    unknown.add(name);
                    if (m.group(5) == null) {
                        yield m.group();
                    }
                    String converted = shortcodes(inner, galleries, unknown, notes);
                    yield m.group().replace(inner, converted);
                }
            };
        });
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text.replace('\u00a0', ' ').replace('\u200b', ' '));
        while (m.find()) {
            if (m.group(1) != null) {
                attributes.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            } else if (m.group(3) != null) {
                attributes.put(m.group(3).toLowerCase(Locale.ROOT), m.group(4));
            } else if (m.group(5) != null) {
                attributes.put(m.group(5).toLowerCase(Locale.ROOT), m.group(6));
            }
        }
        return attributes;
    }

    private static String caption(Map<String, String> attributes, String inner) {
        Matcher m = CAPTIONED_IMAGE.matcher(inner);
        String image;
        String caption;
        if (m.matches()) {
            image = m.group(1);
            caption = m.group(2).strip();
        } else {
            image = inner;
            caption = "";
        }
        if (caption.isEmpty()) {
            caption = attributes.getOrDefault("caption", "");
        }
        return "\n\n<figure>" + image.replace('\n', ' ')
                + (caption.isEmpty() ? "" : "<figcaption>" + caption.replace('\n', ' ') + "</figcaption>")
                + "</figure>\n\n";
    }

    private static String gallery(Map<String, String> attributes, Galleries galleries, List<String> notes) {
        String ids = attributes.getOrDefault("ids", attributes.getOrDefault("include", ""));
        List<Image> images = ids.isBlank()
                ? galleries.attachedToPost()
                : galleries.byIds(List.of(ids.replace(" ", "").split(",")));
        if (images.isEmpty()) {
            notes.add("a gallery had no imported images and was left out");
            return "\n\n";
        }
        StringBuilder figure = new StringBuilder("\n\n<figure class=\"gallery\">");
        for (Image image : images) {
            figure.append("<img src=\"")
                    .append(Entities.escape(image.src()))
                    .append("\" alt=\"")
                    .append(Entities.escape(image.alt()))
                    .append("\">");
        }
        return figure.append("</figure>\n\n").toString();
    }

    private static String embed(String url, String caption) {
        if (url.isBlank()) {
            return "\n\n";
        }
        return "\n\n<figure class=\"embed\">" + link(url)
                + (caption.isBlank() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>\n\n";
    }

    private static String link(String url) {
        String escaped = Entities.escape(url);
        return "<a href=\"" + escaped + "\">" + escaped + "</a>";
    }

    private static String jsonUrl(String json) {
        Matcher m = JSON_URL.matcher(json);
        if (!m.find()) {
            return "";
        }
        return m.group(1).replace("\\/", "/").replace("\\u0026", "&").replace("\\\"", "\"");
    }

    private static String caption(String html) {
        Matcher m = FIGCAPTION.matcher(html);
        return m.find() ? m.group(1) : "";
    }

    /** WordPress's wpautop: blank lines make paragraphs, single newlines line breaks. */
    // autop's rules, compiled once: a hundred thousand posts would compile each of them for every post.
    private static final Pattern DOUBLE_BREAK = Pattern.compile("<br\\s*/?>\\s*<br\\s*/?>");

    private static final Pattern BLOCK_OPEN = Pattern.compile("(<" + ALL_BLOCKS + "[\\s/>])");
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(</" + ALL_BLOCKS + ">)");
    private static final Pattern RULE = Pattern.compile("<hr\\s*?/?>");
    private static final Pattern BLANK_RUN = Pattern.compile("\n\n+");
    private static final Pattern EMPTY_PARAGRAPH = Pattern.compile("<p>\\s*</p>");
    private static final Pattern TEXT_BEFORE_CONTAINER_END = Pattern.compile("<p>([^<]+)</(div|address|form)>");
    private static final Pattern PARAGRAPH_AROUND_BLOCK_TAG =
            Pattern.compile("<p>\\s*(</?" + ALL_BLOCKS + "[^>]*>)\\s*</p>");
    private static final Pattern PARAGRAPH_AROUND_LIST_ITEM = Pattern.compile("<p>(<li.+?)</p>");
    private static final Pattern PARAGRAPH_BEFORE_BLOCKQUOTE = Pattern.compile("(?i)<p><blockquote([^>]*)>");
    private static final Pattern PARAGRAPH_BEFORE_BLOCK_TAG = Pattern.compile("<p>\\s*(</?" + ALL_BLOCKS + "[^>]*>)");
    private static final Pattern PARAGRAPH_END_AFTER_BLOCK_TAG =
            Pattern.compile("(</?" + ALL_BLOCKS + "[^>]*>)\\s*</p>");
    private static final Pattern LINE_END = Pattern.compile("(?<!<br>)\\s*\n");
    private static final Pattern BREAK_AFTER_BLOCK_TAG = Pattern.compile("(</?" + ALL_BLOCKS + "[^>]*>)\\s*<br>");
    private static final Pattern BREAK_BEFORE_BLOCK_TAG =
            Pattern.compile("<br>(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)");

    static String autop(String input) {
        if (input.isBlank()) {
            return "";
        }
        List<String> pres = new ArrayList<>();
        String pee = replace(PRE, input, m -> {
            pres.add(m.group());
            return "\n\n<pre wp-pre=\"" + (pres.size() - 1) + "\"></pre>\n\n";
        });
        // Newlines inside tags are not line breaks.
        pee = replace(TAG, pee, m -> m.group().replace('\n', ' '));
        pee = pee + "\n";
        pee = DOUBLE_BREAK.matcher(pee).replaceAll("\n\n");
        pee = BLOCK_OPEN.matcher(pee).replaceAll("\n\n$1");
        pee = BLOCK_CLOSE.matcher(pee).replaceAll("$1\n\n");
        pee = RULE.matcher(pee).replaceAll("<hr>\n\n");
        pee = BLANK_RUN.matcher(pee).replaceAll("\n\n");
        StringBuilder out = new StringBuilder();
        for (String chunk : pee.split("\n\\s*\n")) {
            if (!chunk.isBlank()) {
                out.append("<p>").append(chunk.strip()).append("</p>\n");
            }
        }
        pee = out.toString();
        pee = EMPTY_PARAGRAPH.matcher(pee).replaceAll("");
        pee = TEXT_BEFORE_CONTAINER_END.matcher(pee).replaceAll("<p>$1</p></$2>");
        pee = PARAGRAPH_AROUND_BLOCK_TAG.matcher(pee).replaceAll("$1");
        pee = PARAGRAPH_AROUND_LIST_ITEM.matcher(pee).replaceAll("$1");
        pee = PARAGRAPH_BEFORE_BLOCKQUOTE.matcher(pee).replaceAll("<blockquote$1><p>");
        pee = pee.replace("</blockquote></p>", "</p></blockquote>");
        pee = PARAGRAPH_BEFORE_BLOCK_TAG.matcher(pee).replaceAll("$1");
        pee = PARAGRAPH_END_AFTER_BLOCK_TAG.matcher(pee).replaceAll("$1");
        pee = LINE_END.matcher(pee).replaceAll("<br>\n");
        pee = BREAK_AFTER_BLOCK_TAG.matcher(pee).replaceAll("$1");
        pee = BREAK_BEFORE_BLOCK_TAG.matcher(pee).replaceAll("$1");
        for (int i = 0; i < pres.size(); i++) {
            pee = pee.replace("<pre wp-pre=\"" + i + "\"></pre>", pres.get(i));
        }
        return pee;
    }

    /**
     * Parses the HTML and writes it back as top-level blocks separated by blank lines, none with a
     * blank line inside: Markdown then passes each block through as it is.
     */
    static String clean(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        Element body = document.body();
        body.select("script, style, noscript").remove();
        for (Element frame : body.select("iframe")) {
            String src = frame.attr("src");
            if (src.startsWith("//")) {
                src = "https:" + src;
            }
            if (src.matches("https?://\\S+")) {
                frame.replaceWith(Jsoup.parseBodyFragment(link(src)).body().child(0));
            } else {
                frame.remove();
            }
        }
        List<String> blocks = new ArrayList<>();
        StringBuilder inline = new StringBuilder();
        for (Node node : new ArrayList<>(body.childNodes())) {
            if (node instanceof Element element && isTopBlock(element)) {
                flush(inline, blocks);
                String block = element.outerHtml();
                if (!element.normalName().equals("pre")) {
                    block = block.replaceAll("\n[ \\t]*(?=\n)", "").replaceAll("\n[ \\t]+", "\n");
                }
                if (!element.normalName().equals("p")
                        || element.hasText()
                        || !element.select("img").isEmpty()) {
                    blocks.add(block);
                }
            } else if (node instanceof Element element && element.normalName().equals("div")) {
                // Layout wrappers carry nothing a story needs: their content takes their place.
                flush(inline, blocks);
                blocks.add(clean(element.html()));
            } else if (node instanceof TextNode textNode) {
                inline.append(Entities.escape(textNode.getWholeText()));
            } else {
                inline.append(node.outerHtml());
            }
        }
        flush(inline, blocks);
        return String.join("\n\n", blocks.stream().filter(b -> !b.isBlank()).toList());
    }

    private static boolean isTopBlock(Element element) {
        return TOP_BLOCKS.contains(element.normalName());
    }

    private static void flush(StringBuilder inline, List<String> blocks) {
        String text = inline.toString().strip();
        if (!text.isEmpty()) {
            blocks.add("<p>" + text.replaceAll("\\s*\n\\s*", " ") + "</p>");
        }
        inline.setLength(0);
    }
}
