package news.broadsheet.importer.internal;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the links and image sources in a story's sanitised body absolute, so they still point at
 * this site once the HTML lives in another (WordPress resolves nothing). The article module's
 * sanitiser always writes attribute values in double quotes, so a pattern finds them all.
 */
final class WxrLinks {

    private static final Pattern ATTRIBUTE = Pattern.compile("(\\s(?:href|src)=\")([^\"]*)(\")");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private WxrLinks() {}

    static String absolute(String html, String pageUrl) {
        URI base = URI.create(pageUrl);
        Matcher attribute = ATTRIBUTE.matcher(html);
        StringBuilder result = new StringBuilder(html.length() + 64);
        while (attribute.find()) {
            String value = attribute.group(2);
            attribute.appendReplacement(
                    result, Matcher.quoteReplacement(attribute.group(1) + resolve(base, value) + attribute.group(3)));
        }
        attribute.appendTail(result);
        return result.toString();
    }

    private static String resolve(URI base, String value) {
        if (value.isEmpty() || value.startsWith("#") || SCHEME.matcher(value).find()) {
            return value;
        }
        try {
            return base.resolve(value).toString();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
