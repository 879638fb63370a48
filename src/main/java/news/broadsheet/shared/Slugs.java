package news.broadsheet.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Makes and checks the lowercase, hyphenated words that name things in URLs. */
public final class Slugs {

    /** The shape every slug has: lowercase ASCII letters and digits in hyphen-separated runs. */
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public static final int MAX_LENGTH = 100;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /** Turns a name such as "Baltic Security: Air Policing" into "baltic-security-air-policing". */
    public static String from(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        String slug = NOT_WORD.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    /** The base with {@code -n} after it, the base shortened where both would pass the maximum length. */
    public static String numbered(String base, int n) {
        String suffix = "-" + n;
        String kept = base.length() + suffix.length() > MAX_LENGTH
                ? base.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "")
                : base;
        return kept + suffix;
    }

    public static boolean isValid(String candidate) {
        return candidate.length() <= MAX_LENGTH && VALID.matcher(candidate).matches();
    }
}
