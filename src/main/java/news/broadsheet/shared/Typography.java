package news.broadsheet.shared;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Typographic punctuation for text people type on a keyboard: curly quotes and apostrophes, en and
 * em dashes, an ellipsis. It changes only the words of a parsed Markdown document (its text nodes),
 * never code, HTML or link addresses, and it reads each paragraph as one run of text, so a quote
 * before {@code *emphasis*} opens and the one after it closes.
 */
public final class Typography {

    private Typography() {}

    /** Smartens every text node of the document, in place. */
    public static void smarten(Node document) {
        document.accept(new AbstractVisitor() {
            private char previous = ' ';

            @Override
            public void visit(Paragraph paragraph) {
                previous = ' ';
                visitChildren(paragraph);
            }

            @Override
            public void visit(Heading heading) {
                previous = ' ';
                visitChildren(heading);
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                previous = ' ';
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                previous = ' ';
            }

            @Override
            public void visit(Code code) {
                String literal = code.getLiteral();
                previous = literal.isEmpty() ? previous : literal.charAt(literal.length() - 1);
            }

            @Override
            public void visit(Text text) {
                String literal = text.getLiteral();
                text.setLiteral(smarten(literal, previous));
                previous = literal.isEmpty() ? previous : literal.charAt(literal.length() - 1);
            }
        });
    }

    /**
     * The text with typographic punctuation.
     *
     * @param before the character just before the text (a space at the start of a paragraph)
     */
    public static String smarten(String text, char before) {
        StringBuilder out = new StringBuilder(text.length());
        char previous = before;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' && text.startsWith("---", i)) {
                out.append('—');
                i += 2;
                previous = '—';
                continue;
            }
            if (c == '-' && text.startsWith("--", i)) {
                out.append('–');
                i += 1;
                previous = '–';
                continue;
            }
            if (c == '.' && text.startsWith("...", i)) {
                out.append('…');
                i += 2;
                previous = '…';
                continue;
            }
            if (c == '"') {
                out.append(opens(previous) ? '“' : '”');
            } else if (c == '\'') {
                // After a letter it is an apostrophe (it's) or a closing quote: the same mark; so it
                // is before a digit, where a year lost its century ('90s).
                boolean elision = i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
                out.append(opens(previous) && !elision ? '‘' : '’');
            } else {
                out.append(c);
            }
            previous = c;
        }
        return out.toString();
    }

    /** Whether a quote after this character opens: at a word's start, not at its end. */
    private static boolean opens(char previous) {
        return Character.isWhitespace(previous) || "([{“‘—–/".indexOf(previous) >= 0;
    }
}
