package news.broadsheet.search.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Where a snippet's passages may begin and end: a sentence begins after a full stop, question
 * mark or exclamation mark (and any closing quotes or brackets) and the spaces after it, unless a
 * full stop is followed by a word in lower case, and after a line break. The JDK's sentence rules, which the highlighter uses unless told otherwise, were a
 * sixth of a new search's snippet time and 6% of the whole search in a profile
 * (bench/search-report.md), for passages that cut news prose the same way. A stop with no space
 * after it ("3.5", "example.com") ends nothing.
 */
final class SnippetSentences extends BreakIterator {

    private String text = "";
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            copy.append(c);
        }
        setText(copy.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int next() {
        return current == text.length() ? DONE : following(current);
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int previous() {
        return current == 0 ? DONE : preceding(current);
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        if (offset == text.length()) {
            return DONE;
        }
        int at = offset + 1;
        while (!isBoundaryAt(at)) {
            at++;
        }
        return current = at;
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        if (offset == 0) {
            return DONE;
        }
        int at = offset - 1;
        while (!isBoundaryAt(at)) {
            at--;
        }
        return current = at;
    }

    @Override
    public boolean isBoundary(int offset) {
        checkOffset(offset);
        if (isBoundaryAt(offset)) {
            current = offset;
            return true;
        }
        // As the JDK's: not a boundary moves to the next one.
        following(offset);
        return false;
    }

    private boolean isBoundaryAt(int at) {
        if (at == 0 || at == text.length()) {
            return true;
        }
        if (Character.isWhitespace(text.charAt(at)) || !Character.isWhitespace(text.charAt(at - 1))) {
            return false;
        }
        // The spaces before the word at this offset, and what ends before them.
        int spaces = at - 1;
        boolean lineBreak = false;
        while (spaces > 0 && Character.isWhitespace(text.charAt(spaces - 1))) {
            lineBreak |= text.charAt(spaces) == '\n';
            spaces--;
        }
        lineBreak |= text.charAt(spaces) == '\n';
        if (spaces == 0) {
            return false;
        }
        if (lineBreak) {
            return true;
        }
        int end = spaces - 1;
        while (end > 0 && isClosing(text.charAt(end))) {
            end--;
        }
        char last = text.charAt(end);
        // After a full stop, a word in lower case goes on the sentence ("e.g. the", "approx. five").
        return last == '!' || last == '?' || (last == '.' && !Character.isLowerCase(text.charAt(at)));
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '»';
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        }
    }
}
