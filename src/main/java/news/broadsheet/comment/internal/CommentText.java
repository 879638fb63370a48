package news.broadsheet.comment.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a reader's plain-text comment into safe HTML: everything escaped, blank lines make
 * paragraphs, single line breaks are kept, and http(s) addresses become links that pass no
 * search-engine credit and no window access.
 */
public final class CommentText {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that usually ends the sentence around a link rather than the link itself. */
    private static final Pattern TRAILING = Pattern.compile("[.,;:!?)\\]}'’]+$");

    private CommentText() {}

    public static String toHtml(String text) {
        return toHtml(text, new RuleHits(List.of(), false));
    }

    /**
     * As {@link #toHtml(String)}, with the words and links that triggered a rule wrapped in {@code
     * <mark>}: the words are found in the reader's text and each piece is escaped on its own, so
     * marking never lets the text's own markup through.
     */
    public static String toHtml(String text, RuleHits hits) {
        Pattern words = hits.words().isEmpty()
                ? null
                : Pattern.compile(
                        "(?<![\\p{L}\\p{N}])(?:"
                                + String.join(
                                        "|",
                                        hits.words().stream()
                                                .map(Pattern::quote)
                                                .toList())
                                + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        StringBuilder html = new StringBuilder(text.length() + 32);
        for (String paragraph : PARAGRAPH_BREAK.splitAsStream(text.strip()).toList()) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>");
            List<String> lines = LINE_BREAK.splitAsStream(paragraph.strip()).toList();
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                appendLinked(html, lines.get(i), words, hits.links());
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private static void appendLinked(
            StringBuilder html, String line, @Nullable Pattern markedWords, boolean markLinks) {
        Matcher url = URL.matcher(line);
        int start = 0;
        while (url.find()) {
            String address = url.group();
            Matcher trailing = TRAILING.matcher(address);
            String tail = trailing.find() ? trailing.group() : "";
            address = address.substring(0, address.length() - tail.length());
            appendMarked(html, line.substring(start, url.start()), markedWords);
            if (markLinks) {
                html.append("<mark>");
            }
            html.append("<a href=\"")
                    .append(HtmlUtils.htmlEscape(address))
                    .append("\" rel=\"nofollow ugc noopener\">")
                    .append(HtmlUtils.htmlEscape(address))
                    .append("</a>");
            if (markLinks) {
                html.append("</mark>");
            }
            html.append(HtmlUtils.htmlEscape(tail));
            start = url.end();
        }
        appendMarked(html, line.substring(start), markedWords);
    }

    private static void appendMarked(StringBuilder html, String text, @Nullable Pattern markedWords) {
        if (markedWords == null) {
            html.append(HtmlUtils.htmlEscape(text));
            return;
        }
        Matcher word = markedWords.matcher(text);
        int start = 0;
        while (word.find()) {
            html.append(HtmlUtils.htmlEscape(text.substring(start, word.start())))
                    .append("<mark>")
                    .append(HtmlUtils.htmlEscape(word.group()))
                    .append("</mark>");
            start = word.end();
        }
        html.append(HtmlUtils.htmlEscape(text.substring(start)));
    }
}
