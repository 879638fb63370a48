package news.broadsheet.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import news.broadsheet.search.InvalidSearchException;

/**
 * What a reader typed, read leniently: words, and phrases in double quotes. Search syntax other
 * engines use ({@code AND}, {@code +}, {@code *}, brackets) is treated as spacing, so no input can
 * break the query; only what cannot be understood at all is refused, with a reason. A long question
 * is not refused: what is past the length limit, and words past the {@value #MAX_TERMS}th, are left
 * out (the first words of a question carry most of it; measured on the test collections, keeping
 * 64 words ranked as well as keeping every one).
 *
 * @param words single words, as typed
 * @param phrases quoted phrases, as typed
 */
public record UserQuery(List<String> words, List<String> phrases) {

    static final int MAX_TERMS = 64;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\\p{Cf}&&[^\\u200d]]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}'’.-]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[-.'’]+|[-.'’]+$");

    public static UserQuery parse(String input, int maxLength) {
        input = trimmed(input, maxLength);
        if (CONTROL.matcher(input).find()) {
            throw new InvalidSearchException(
                    "Your search contains invisible control characters. Please type it again.");
        }
        long quotes = input.chars().filter(c -> c == '"').count();
        if (quotes % 2 != 0) {
            throw new InvalidSearchException("Your search has an opening quotation mark without a closing one. Put"
                    + " exact phrases between two double quotes, like \"city council\".");
        }
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        String[] parts = input.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            List<String> tokens = tokens(parts[i]);
            if (i % 2 == 1) {
                if (tokens.size() == 1) {
                    words.add(tokens.getFirst());
                } else if (!tokens.isEmpty()) {
                    phrases.add(String.join(" ", tokens));
                }
            } else {
                words.addAll(tokens);
            }
        }
        if (words.isEmpty() && phrases.isEmpty()) {
            throw new InvalidSearchException("Your search has no words to look for. Type one or more words, such as"
                    + " a name or a topic; symbols like * or + are not needed.");
        }
        int room = Math.max(0, MAX_TERMS - phrases.size());
        List<String> kept = words.size() > room ? words.subList(0, room) : words;
        List<String> keptPhrases = phrases.size() > MAX_TERMS ? phrases.subList(0, MAX_TERMS) : phrases;
        return new UserQuery(List.copyOf(kept), List.copyOf(keptPhrases));
    }

    /**
     * The words of a search, lower-cased, in order, without quotes or punctuation: two searches
     * with the same key are the same search to a reader ("Election results?" and "election
     * results", "café" and "cafe"). Empty when there are no words.
     */
    public static String key(String input) {
        String folded = java.text.Normalizer.normalize(input.replace('"', ' '), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return String.join(" ", tokens(folded)).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The input cut to at most {@code maxLength} characters, at the last space before it, never
     * inside a quoted phrase (an unclosed quote would make it unreadable).
     */
    private static String trimmed(String input, int maxLength) {
        if (input.length() <= maxLength) {
            return input;
        }
        String cut = input.substring(0, maxLength);
        int space = cut.lastIndexOf(' ');
        if (space > maxLength / 2) {
            cut = cut.substring(0, space);
        }
        if (cut.chars().filter(c -> c == '"').count() % 2 != 0) {
            cut = cut.substring(0, cut.lastIndexOf('"'));
        }
        return cut;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String raw : SEPARATORS.split(text)) {
            String token = EDGE_PUNCTUATION.matcher(raw).replaceAll("");
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
