package news.broadsheet.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile input for the fuzz tests: the same seed always gives the same
 * inputs, so a failure names its seed and can be replayed with {@code -Dbroadsheet.fuzz.seed=...}.
 * No generated value contains the words the tests look for in answers ("Exception", "at java.").
 */
public final class Fuzz {

    /** The seed of this run: fixed, so the build is repeatable, unless the property sets another. */
    public static final long SEED = Long.getLong("broadsheet.fuzz.seed", 20_261_205L);

    private static final List<String> NASTY = List.of(
            "",
            " ",
            "\t\r\n",
            "\u0000",
            "a\u0000b",
            "\u0007\u001b[31m",
            "\u202e\u200b\ufeff",
            "\uD800",
            "\uDFFF",
            "x\uDC00y",
            "\uD83D\uDCF0",
            "'; DROP TABLE article; --",
            "\" OR 1=1 --",
            "<script>alert(1)</script>",
            "../../../../etc/passwd",
            "${7*7}",
            "#{7*7}",
            "%s%s%s%n",
            "%00",
            "%",
            "%zz",
            "null",
            "undefined",
            "NaN",
            "-Infinity",
            "true",
            "0",
            "-0",
            "-1",
            "1e309",
            "0x7fffffff",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999999999999999",
            "1.5",
            "1,000",
            "٣",
            "2026-13-45",
            "2026-02-30T25:61",
            "0000-00-00 00:00:00",
            "9999999-01-01",
            "-2026-01-01",
            "2026-01-01T10:00:00+99:00",
            "yesterday",
            "on",
            "off",
            "[]",
            "{}",
            "\\",
            "\\u0000",
            "\r\nSet-Cookie: x=1");

    private static final List<String> SEARCH_TOKENS = List.of(
            "harbour",
            "ferry",
            "\"",
            "\"quoted phrase\"",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "[a TO z]",
            "{1 TO *}",
            "*",
            "?",
            "fer*",
            "*ry",
            "f?rry",
            "title:",
            "title:harbour",
            "body:\"a b\"",
            ":",
            "::",
            "~",
            "harbour~",
            "harbour~2",
            "\"a b\"~10",
            "^",
            "harbour^4",
            "^-1",
            "AND",
            "OR",
            "NOT",
            "&&",
            "||",
            "!",
            "+",
            "-",
            "+harbour",
            "-ferry",
            "/",
            "/re.*gex/",
            "\\",
            "\\\"",
            "\u0000",
            "%",
            "é",
            "ß",
            "İ",
            "\uD83D\uDCF0",
            "\uD800",
            "北京",
            "ﷺ",
            "_",
            ".",
            "'",
            "<b>",
            "&amp;");

    private final Random random;
    private final long seed;

    private Fuzz(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Generators for one test: the run's seed mixed with the test's name. */
    public static Fuzz seeded(String name) {
        return new Fuzz(SEED * 31 + name.hashCode());
    }

    /** Names the run's seed and the input, for assertion messages. */
    public String describe(Object input) {
        String shown = String.valueOf(input);
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "... (" + shown.length() + " characters)";
        }
        return "[broadsheet.fuzz.seed=" + SEED + ", generator " + seed + "] " + shown;
    }

    public Random random() {
        return random;
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Text as a form or a JSON field might carry it: short, long, huge, odd characters, numbers, dates. */
    public String text() {
        return switch (random.nextInt(10)) {
            case 0, 1 -> pick(NASTY);
            case 2 -> characters(between(1, 40), true);
            case 3 -> characters(between(1, 12), false);
            case 4 -> pick(NASTY) + characters(between(0, 8), true) + pick(NASTY);
            case 5 -> characters(1, false).repeat(between(1_000, 120_000));
            case 6 -> String.valueOf(random.nextLong());
            case 7 -> String.valueOf(random.nextDouble() * Math.pow(10, between(-30, 30)));
            case 8 -> words(between(1, 30));
            default -> pick(NASTY) + words(between(1, 3));
        };
    }

    /** Text that looks like a number or a date, or almost. */
    public String numberish() {
        return switch (random.nextInt(5)) {
            case 0 -> String.valueOf(random.nextInt());
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> "1".repeat(between(10, 400));
            case 3 -> pick(NASTY);
            default ->
                between(1900, 9999) + "-" + between(0, 99) + "-" + between(0, 99) + pick(List.of("", "T", " "))
                        + between(0, 99) + ":" + between(0, 99);
        };
    }

    /** A search as someone (or something) might type it: query syntax of every engine, balanced or not. */
    public String searchQuery() {
        if (chance(5)) {
            return characters(between(1_000, 6_000), true);
        }
        StringBuilder query = new StringBuilder();
        int tokens = between(1, 12);
        for (int i = 0; i < tokens; i++) {
            query.append(chance(15) ? characters(between(1, 6), true) : pick(SEARCH_TOKENS));
            if (chance(70)) {
                query.append(' ');
            }
        }
        return query.toString();
    }

    /**
     * A percent-encoded value for a query string or a form body: usually well formed, sometimes
     * with broken escapes, overlong or invalid UTF-8, encoded surrogates or raw NUL. Rarely, since
     * one broken value spoils the whole request and the checks behind the parser would go untried.
     */
    public String encoded(String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!chance(4)) {
            return encoded;
        }
        String broken = pick(List.of(
                "%", "%Z", "%zz", "%C0%AE", "%C3", "%FF%FE", "%ED%A0%80", "%F4%90%80%80", "%00", "%E2%82", "+%2B%25"));
        int at = random.nextInt(encoded.length() + 1);
        return encoded.substring(0, at) + broken + encoded.substring(at);
    }

    /** A form field name: the expected ones, unknown ones, odd ones. */
    public String fieldName(List<String> known) {
        return chance(85)
                ? pick(known)
                : pick(List.of("", "unknown", "_csrf", "a[b]", "a.b", "class.module", "x%00y", "name[]", "😀"));
    }

    /** A random JSON text: valid most of the time, of any shape, sometimes deep, huge or broken. */
    public String json(List<String> fields) {
        return switch (random.nextInt(12)) {
            case 0 -> "[".repeat(between(100, 5_000)) + "]".repeat(chance(50) ? 0 : between(0, 100));
            case 1 -> "{\"a\":".repeat(between(100, 3_000)) + "1" + "}".repeat(between(0, 3_000));
            case 2 ->
                pick(List.of(
                        "",
                        "{",
                        "}",
                        "null",
                        "[]",
                        "\"x\"",
                        "1",
                        "{\"a\":}",
                        "{'a':1}",
                        "{\"a\":1,}",
                        "\u0000",
                        "{\"\\ud800\":1}"));
            case 3 -> jsonValue(0, fields);
            default -> jsonObject(0, fields);
        };
    }

    private String jsonObject(int depth, List<String> fields) {
        StringBuilder json = new StringBuilder("{");
        int count = between(0, 8);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            String name = chance(80) ? pick(fields) : text();
            json.append(jsonString(name)).append(':').append(jsonValue(depth + 1, fields));
        }
        return json.append('}').toString();
    }

    private String jsonValue(int depth, List<String> fields) {
        int kind = depth > 4 ? random.nextInt(6) : random.nextInt(8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 ->
                pick(List.of(
                        "0",
                        "-1",
                        "1e400",
                        "-1e-400",
                        "123456789012345678901234567890",
                        "2147483648",
                        "9223372036854775808",
                        "1.5",
                        "-0.0"));
            case 3, 4 -> jsonString(text());
            case 5 -> "\"\\ud800\\u0000\"";
            case 6 -> {
                StringBuilder array = new StringBuilder("[");
                int count = between(0, 5);
                for (int i = 0; i < count; i++) {
                    array.append(i > 0 ? "," : "").append(jsonValue(depth + 1, fields));
                }
                yield array.append(']').toString();
            }
            default -> jsonObject(depth + 1, fields);
        };
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** Random characters: control characters, surrogates (paired or not), letters of several scripts. */
    public String characters(int length, boolean wide) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(wide ? 8 : 2);
            switch (kind) {
                case 0, 1 -> text.append((char) ('a' + random.nextInt(26)));
                case 2 -> text.append((char) random.nextInt(0x20));
                case 3 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 4 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                case 5 -> text.appendCodePoint(0x10000 + random.nextInt(0x10000));
                case 6 -> text.append((char) (0x80 + random.nextInt(0x700)));
                default -> text.append((char) (0x2000 + random.nextInt(0x1000)));
            }
        }
        return text.toString();
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i > 0 ? " " : "").append(pick(List.of("harbour", "ferry", "council", "vote", "rain", "quay")));
        }
        return text.toString();
    }
}
