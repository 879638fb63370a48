package news.broadsheet.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Block;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Markup left open in text people write (a {@code <style>}, a comment, a CDATA section) kept as
 * visible text: an HTML parser, like the sanitizer's, would otherwise read all that follows as part
 * of it and drop it. What is closed is left for the sanitizer, as before.
 */
public final class UnclosedMarkup {

    /** Elements whose content an HTML parser reads as raw text up to their end tag (plaintext: to the end). */
    private static final Set<String> RAW_TEXT = Set.of(
            "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext");

    /** CommonMark's HTML blocks that run until a terminator, kind 1 (with its tag name) to kind 5. */
    private static final Pattern RAW_BLOCK =
            Pattern.compile("<(script|pre|style|textarea)(?:[ \\t>]|$)", Pattern.CASE_INSENSITIVE);

    private UnclosedMarkup() {}

    /**
     * A Markdown parser for this one text that starts an HTML block running to a terminator (a
     * comment, {@code <style>}, {@code <?}, {@code <!X}, CDATA) only where the terminator follows; else
     * the line is a paragraph, so the Markdown after it is still read as Markdown.
     */
    public static Parser parser(String markdown, List<Extension> extensions) {
        return Parser.builder()
                .extensions(extensions)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .customBlockParserFactory(new UnterminatedHtmlBlockFactory(markdown))
                .build();
    }

    /**
     * Shows as text, in place, each piece of raw HTML in a parsed document that does not close within
     * its own block (paragraph, heading, table cell or HTML block): a tag is only markup where it ends.
     */
    public static void showAsText(Node document) {
        walk(document, new ArrayList<>());
    }

    /** The HTML with the {@code <} of each piece of markup that never closes escaped, so it reads as text. */
    public static String showAsText(String html) {
        List<Integer> unclosed = unclosed(html);
        if (unclosed.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 3 * unclosed.size());
        int from = 0;
        for (int at : unclosed) {
            out.append(html, from, at).append("&lt;");
            from = at + 1;
        }
        return out.append(html, from, html.length()).toString();
    }

    private static void walk(Node parent, List<HtmlInline> run) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlBlock block) {
                block.setLiteral(showAsText(block.getLiteral()));
            } else if (child instanceof HtmlInline inline) {
                run.add(inline);
            } else if (child instanceof Block || child instanceof TableCell) {
                List<HtmlInline> inner = new ArrayList<>();
                walk(child, inner);
                escapeOpenTags(inner);
            } else {
                walk(child, run);
            }
        }
    }

    /**
     * Escapes the inline tags of one block that stay open in it. The block's text is escaped already,
     * so its inline HTML, taken together, is what an HTML parser sees as markup.
     */
    private static void escapeOpenTags(List<HtmlInline> run) {
        if (run.isEmpty()) {
            return;
        }
        StringBuilder html = new StringBuilder();
        int[] starts = new int[run.size()];
        for (int i = 0; i < run.size(); i++) {
            starts[i] = html.length();
            html.append(run.get(i).getLiteral());
        }
        // From the last back, so that escaping one leaves the offsets of those before it as they were.
        List<Integer> unclosed = unclosed(html);
        for (int k = unclosed.size() - 1; k >= 0; k--) {
            int at = unclosed.get(k);
            int found = java.util.Arrays.binarySearch(starts, at);
            int node = found >= 0 ? found : -found - 2;
            HtmlInline inline = run.get(node);
            String literal = inline.getLiteral();
            int local = at - starts[node];
            inline.setLiteral(literal.substring(0, local) + "&lt;" + literal.substring(local + 1));
        }
    }

    /** Where each piece of markup starts that an HTML parser would read to the end of the text. */
    private static List<Integer> unclosed(CharSequence html) {
        List<Integer> unclosed = new ArrayList<>();
        Scan scan = new Scan(html);
        int i = scan.indexOf("<", 0);
        while (i >= 0) {
            int end = scan.end(i);
            if (end < 0) {
                unclosed.add(i);
                end = i + 1;
            }
            i = scan.indexOf("<", end);
        }
        return unclosed;
    }

    /** One text read as an HTML parser reads markup; linear in its length, whatever it holds. */
    private static final class Scan {

        private final CharSequence html;
        private final java.util.Map<String, Integer> lastIndex = new java.util.HashMap<>();
        private int @org.jspecify.annotations.Nullable [] tagEnds;

        Scan(CharSequence html) {
            this.html = html;
        }

        /** The index just after the markup starting at this {@code <}, or -1 where it never ends. */
        int end(int lt) {
            if (startsWith(html, lt, "<!--")) {
                return after("-->", lt + 4);
            }
            if (startsWith(html, lt, "<![CDATA[")) {
                return after("]]>", lt + 9);
            }
            if (startsWith(html, lt, "<!")) {
                return after(">", lt + 2);
            }
            if (startsWith(html, lt, "<?")) {
                return after("?>", lt + 2);
            }
            boolean endTag = startsWith(html, lt, "</");
            int nameStart = endTag ? lt + 2 : lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd), nameEnd == nameStart)) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                return lt + 1; // a lone "<" is text to an HTML parser
            }
            int tagEnd = tagEnd(nameEnd);
            if (tagEnd < 0 || endTag) {
                return tagEnd;
            }
            String name = lowerCase(html.subSequence(nameStart, nameEnd));
            if (!RAW_TEXT.contains(name)) {
                return tagEnd;
            }
            if (name.equals("plaintext")) {
                return -1; // nothing ends it
            }
            String close = "</" + name;
            for (int at = indexOf(close, tagEnd); at >= 0; at = indexOf(close, at + 1)) {
                int next = at + close.length();
                if (next == html.length() || " \t\n\f\r/>".indexOf(html.charAt(next)) >= 0) {
                    return tagEnd(next);
                }
            }
            return -1;
        }

        /**
         * The index after the {@code >} that ends a tag, past quoted attribute values, or -1. Any quote
         * counts as one: stricter than a browser, so a stray quote shows the tag rather than hiding text.
         */
        private int tagEnd(int from) {
            if (tagEnds == null) {
                tagEnds = tagEnds(html);
            }
            return from < html.length() ? tagEnds[from] : -1;
        }

        /** For each index, where a tag going on from it would end: computed once, from the end back. */
        private static int[] tagEnds(CharSequence html) {
            int n = html.length();
            int[] ends = new int[n];
            int nextDouble = -1;
            int nextSingle = -1;
            for (int i = n - 1; i >= 0; i--) {
                char c = html.charAt(i);
                int quoteEnd = c == '"' ? nextDouble : c == '\'' ? nextSingle : -2;
                if (c == '>') {
                    ends[i] = i + 1;
                } else if (quoteEnd != -2) {
                    ends[i] = quoteEnd < 0 || quoteEnd + 1 >= n ? -1 : ends[quoteEnd + 1];
                } else {
                    ends[i] = i + 1 < n ? ends[i + 1] : -1;
                }
                if (c == '"') {
                    nextDouble = i;
                } else if (c == '\'') {
                    nextSingle = i;
                }
            }
            return ends;
        }

        private int after(String terminator, int from) {
            int at = indexOf(terminator, from);
            return at < 0 ? -1 : at + terminator.length();
        }

        /** Where the needle occurs from this index on, ignoring ASCII case as HTML does, or -1. */
        int indexOf(String needle, int from) {
            // Without a later occurrence, answer at once: a text of many unclosed openers stays linear.
            int last = lastIndex.computeIfAbsent(needle, n -> lastIndexOf(html, n));
            if (last < from) {
                return -1;
            }
            for (int i = Math.max(from, 0); i <= last; i++) {
                if (startsWith(html, i, needle)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static boolean isNameChar(char c, boolean first) {
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return first ? letter : letter || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean startsWith(CharSequence s, int at, String prefix) {
        if (at + prefix.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (lower(s.charAt(at + i)) != lower(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(CharSequence s, String needle) {
        for (int i = s.length() - needle.length(); i >= 0; i--) {
            if (startsWith(s, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static String lowerCase(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(lower(s.charAt(i)));
        }
        return out.toString();
    }

    /**
     * Claims, as a one-line paragraph, a line that would start one of CommonMark's HTML blocks that
     * run to a terminator when no terminator follows anywhere in the text: that block would take in
     * the rest of the text. Other lines it leaves to CommonMark's own HTML blocks.
     */
    private static final class UnterminatedHtmlBlockFactory extends AbstractBlockParserFactory {

        private final String markdown;
        private final java.util.Map<String, Integer> lastIndex = new java.util.HashMap<>();

        UnterminatedHtmlBlockFactory(String markdown) {
            this.markdown = markdown;
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            SourceLine line = state.getLine();
            if (state.getIndent() >= 4 || line.getSourceSpan() == null) {
                return BlockStart.none();
            }
            int start = state.getNextNonSpaceIndex();
            CharSequence content = line.getContent();
            String terminator = terminator(content.subSequence(start, content.length()));
            if (terminator == null
                    || lastIndex(terminator) >= line.getSourceSpan().getInputIndex()) {
                return BlockStart.none();
            }
            return BlockStart.of(new OneLineParagraph()).atIndex(start);
        }

        /** The text that ends the HTML block this line would start (of kinds 1 to 5), or null. */
        private static @org.jspecify.annotations.Nullable String terminator(CharSequence line) {
            var rawBlock = RAW_BLOCK.matcher(line);
            if (rawBlock.lookingAt()) {
                return "</" + lowerCase(rawBlock.group(1)) + ">";
            }
            if (startsWith(line, 0, "<!--")) {
                return "-->";
            }
            if (startsWith(line, 0, "<?")) {
                return "?>";
            }
            if (startsWith(line, 0, "<![CDATA[")) {
                return "]]>";
            }
            if (startsWith(line, 0, "<!") && line.length() > 2 && isNameChar(line.charAt(2), true)) {
                return ">";
            }
            return null;
        }

        private int lastIndex(String terminator) {
            return lastIndex.computeIfAbsent(terminator, t -> UnclosedMarkup.lastIndexOf(markdown, t));
        }
    }

    /** A paragraph of exactly one line, its inline content parsed as any paragraph's. */
    private static final class OneLineParagraph extends AbstractBlockParser {

        private final Paragraph paragraph = new Paragraph();
        private final SourceLines lines = new SourceLines();

        @Override
        public Block getBlock() {
            return paragraph;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return BlockContinue.none();
        }

        @Override
        public void addLine(SourceLine line) {
            lines.addLine(line);
        }

        @Override
        public void parseInlines(InlineParser inlineParser) {
            inlineParser.parse(lines, paragraph);
        }
    }
}
