package news.broadsheet.comment.internal.spam;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the spam model reads in a comment: its words and word pairs, its character sequences
 * (which survive the spellings spammers use to slip past word lists, such as "you[tube]"), the web
 * addresses it carries and their sites, and its shape (length, capitals, exclamation marks,
 * digits). Each feature is a name, hashed into the model's weight table; all count the same, and a
 * comment's features together have unit length, so long and short comments score alike.
 */
public final class SpamFeatures {

    /** The weight table has 2^BITS entries; collisions are rare at the vocabulary of a news site. */
    static final int BITS = 20;

    static final int SIZE = 1 << BITS;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:https?://|www\\.)[^\\s<>\"]+|\\b[\\p{L}\\p{N}-]+\\.(?:com|net|org|info|biz|ly|tv|me|io|co|ru|us|uk|de)\\b(?:/[^\\s<>\"]*)?");
    private static final Pattern HOST = Pattern.compile("^(?:https?://)?(?:www\\.)?([^/:?#\\s]+)");

    private SpamFeatures() {}

    /** One feature of one comment: its name, its place in the weight table, and its value. */
    public record Feature(String name, int index, float value) {}

    /** The features of a comment written by {@code author}. */
    public static List<Feature> of(String author, String text) {
        Set<String> names = new LinkedHashSet<>();
        String normal = Normalizer.normalize(plain(text), Normalizer.Form.NFKC);
        String lower = normal.toLowerCase(Locale.ROOT);

        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(lower);
        while (word.find()) {
            words.add(word.group());
        }
        for (int i = 0; i < words.size(); i++) {
            names.add("w:" + words.get(i));
            if (i > 0) {
                names.add("b:" + words.get(i - 1) + " " + words.get(i));
            }
        }

        String flat = " " + lower.strip().replaceAll("\\s+", " ") + " ";
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= flat.length(); i++) {
                names.add("c:" + flat.substring(i, i + n));
            }
        }

        int addresses = 0;
        Matcher address = ADDRESS.matcher(lower);
        while (address.find()) {
            addresses++;
            Matcher host = HOST.matcher(address.group());
            if (host.find()) {
                names.add("site:" + host.group(1));
            }
        }
        names.add("links:" + Math.min(addresses, 3));

        names.add("length:"
                + (32 - Integer.numberOfLeadingZeros(Math.max(1, normal.strip().length()))));
        int letters = 0;
        int capitals = 0;
        int digits = 0;
        int exclamations = 0;
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            } else if (Character.isDigit(c)) {
                digits++;
            } else if (c == '!') {
                exclamations++;
            }
        }
        if (letters >= 8) {
            names.add("capitals:" + (capitals * 4 / letters));
        }
        names.add("digits:" + Math.min(digits / 4, 3));
        names.add("exclamations:" + Math.min(exclamations, 3));
        names.add("author-digits:" + author.chars().anyMatch(Character::isDigit));

        float value = (float) (1 / Math.sqrt(names.size()));
        List<Feature> features = new ArrayList<>(names.size());
        for (String name : names) {
            features.add(new Feature(name, index(name), value));
        }
        return features;
    }

    private static final Pattern LINK_TAG =
            Pattern.compile("<a\\s[^>]*?href=\"([^\"]*)\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|quot|amp|lt|gt|apos|nbsp);");

    /**
     * The text a reader sees, for comments kept as HTML (imported from WordPress, or exported by
     * other systems): tags become spaces, a link its address, and character references their
     * characters, so the same words count the same however they were stored.
     */
    static String plain(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        String untagged = TAG.matcher(LINK_TAG.matcher(text).replaceAll(" $1 ")).replaceAll(" ");
        Matcher entity = ENTITY.matcher(untagged);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String character = switch (name) {
                case "quot" -> "\"";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> {
                    int code = name.startsWith("#x")
                            ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                    yield Character.isValidCodePoint(code) ? Character.toString(code) : " ";
                }
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(character));
        }
        entity.appendTail(out);
        return out.toString();
    }

    /** The feature's place in the weight table (FNV-1a of its name, folded to BITS bits). */
    static int index(String name) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x01000193;
        }
        return (hash ^ (hash >>> BITS)) & (SIZE - 1);
    }
}
