package news.broadsheet.shared;

import java.util.regex.Pattern;

/** Checks on text people type, shared by every form: the database takes what passes. */
public final class Text {

    /** Control characters other than tab and line breaks: invisible, and PostgreSQL refuses NUL. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private Text() {}

    public static boolean hasControlCharacters(String text) {
        return CONTROL.matcher(text).find();
    }

    /** True when the text fits the column and carries nothing invisible. */
    public static boolean fits(String text, int maxLength) {
        return text.length() <= maxLength && !hasControlCharacters(text);
    }

    /**
     * The start of a text for a meta description: whitespace collapsed, cut at a word boundary
     * within {@code maxLength} characters, with an ellipsis when something was left out.
     */
    public static String excerpt(String text, int maxLength) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= maxLength) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', maxLength - 1);
        return flat.substring(0, cut > maxLength / 2 ? cut : maxLength - 1).strip() + "\u2026";
    }

    public static String withoutControlCharacters(String text) {
        return CONTROL.matcher(text).replaceAll("");
    }
}
