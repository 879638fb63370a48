package news.broadsheet.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** Finds what would let rendered user content run script in a reader's browser. */
public final class HtmlSafety {

    private static final Set<String> DANGEROUS_ELEMENTS = Set.of(
            "script",
            "style",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "svg",
            "math",
            "form",
            "input",
            "button",
            "textarea",
            "select",
            "base",
            "link",
            "meta",
            "template",
            "noscript",
            "video",
            "audio",
            "source");
    private static final Set<String> URL_ATTRIBUTES =
            Set.of("href", "src", "action", "formaction", "srcset", "xlink:href");

    /** A URL's scheme as browsers parse it; without one, the URL is relative and harmless. */
    private static final Pattern SCHEME = Pattern.compile("([a-z][a-z0-9+.-]*):");

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private HtmlSafety() {}

    /** Elements the site's own page frame uses, allowed when checking a whole page. */
    private static final Set<String> PAGE_FRAME_ELEMENTS =
            Set.of("form", "input", "button", "textarea", "link", "meta");

    /** Every problem found, empty when the fragment is safe to embed in a page. */
    public static List<String> problems(String html) {
        return problems(Jsoup.parseBodyFragment(html).body().getAllElements(), Set.of());
    }

    /** Every problem in a whole page the site served, beyond the form and head elements it uses itself. */
    public static List<String> pageProblems(String html) {
        return problems(Jsoup.parse(html).getAllElements(), PAGE_FRAME_ELEMENTS);
    }

    /** The page's own schema.org data in its head: a data block, which browsers never run. */
    private static boolean isFrameDataBlock(Element element, Set<String> allowed) {
        return !allowed.isEmpty()
                && element.normalName().equals("script")
                && element.attr("type").equals("application/ld+json")
                && element.parent() != null
                && element.parent().normalName().equals("head");
    }

    /** The site's own script file (the comments' in-place posting): empty, from the content-hashed assets. */
    private static boolean isFrameScript(Element element, Set<String> allowed) {
        return !allowed.isEmpty()
                && element.normalName().equals("script")
                && element.attr("src").matches("/assets/js/[a-z-]+-[0-9a-f]{32}\\.js")
                && element.data().isEmpty();
    }

    private static List<String> problems(List<Element> elements, Set<String> allowed) {
        List<String> problems = new ArrayList<>();
        for (Element element : elements) {
            String tag = element.normalName();
            if (DANGEROUS_ELEMENTS.contains(tag)
                    && !allowed.contains(tag)
                    && !isFrameDataBlock(element, allowed)
                    && !isFrameScript(element, allowed)) {
                problems.add("element <" + tag + ">");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value =
                        attribute.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                if (name.startsWith("on") || name.equals("style")) {
                    problems.add("attribute " + name + " on <" + tag + ">");
                }
                Matcher scheme = SCHEME.matcher(value);
                if (URL_ATTRIBUTES.contains(name) && scheme.lookingAt() && !SAFE_SCHEMES.contains(scheme.group(1))) {
                    problems.add(name + "=" + attribute.getValue() + " on <" + tag + ">");
                }
            }
        }
        return problems;
    }
}
