package news.broadsheet.shared;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the links and image sources in a story's sanitised body absolute, so they still work once
 * the HTML leaves this site: in a feed reader, in a WordPress export. The body comes from the
 * article module's HTML sanitiser, which always writes attribute values in double quotes, so a
 * pattern over {@code href="…"} and {@code src="…"} finds them all.
 */
public final class AbsoluteLinks {

    private static final Pattern ATTRIBUTE = Pattern.compile("(\\s(?:href|src)=\")([^\"]*)(\")");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private AbsoluteLinks() {}

    /**
     * @param html sanitised HTML
     * @param pageUrl the absolute address of the page the HTML was written for
     */
    public static String in(String html, String pageUrl) {
        URI base = URI.create(pageUrl);
        Matcher attribute = ATTRIBUTE.matcher(html);
        StringBuilder result = new StringBuilder(html.length() + 64);
        while (attribute.find()) {
            String value = attribute.group(2);
            attribute.appendReplacement(
                    result, Matcher.quoteReplacement(attribute.group(1) + absolute(base, value) + attribute.group(3)));
        }
        attribute.appendTail(result);
        return result.toString();
    }

    private static String absolute(URI base, String value) {
        if (value.isEmpty() || SCHEME.matcher(value).find()) {
            return value;
        }
        // The value is HTML-escaped (&amp;); resolve it as it stands and keep the escapes.
        try {
            return base.resolve(value).toString();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
