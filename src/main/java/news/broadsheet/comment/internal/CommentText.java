package news.broadsheet.comment.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                appendLinked(html, lines.get(i));
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private static void appendLinked(StringBuilder html, String line) {
        Matcher url = URL.matcher(line);
        int start = 0;
        while (url.find()) {
            String address = url.group();
            Matcher trailing = TRAILING.matcher(address);
            String tail = trailing.find() ? trailing.group() : "";
            address = address.substring(0, address.length() - tail.length());
            html.append(HtmlUtils.htmlEscape(line.substring(start, url.start())));
            html.append("<a href=\"")
                    .append(HtmlUtils.htmlEscape(address))
                    .append("\" rel=\"nofollow ugc noopener\">")
                    .append(HtmlUtils.htmlEscape(address))
                    .append("</a>")
                    .append(HtmlUtils.htmlEscape(tail));
            start = url.end();
        }
        html.append(HtmlUtils.htmlEscape(line.substring(start)));
    }
}
