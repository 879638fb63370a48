package news.broadsheet.shared;

/**
 * Text made safe to put in an XML document: characters XML 1.0 cannot carry (most control
 * characters, lone surrogates, U+FFFE and U+FFFF) are dropped. Escaping is the XML writer's job.
 */
public final class XmlText {

    private XmlText() {}

    public static String clean(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && clean != null) {
                clean.appendCodePoint(c);
            }
            i += width;
        }
        return clean == null ? text : clean.toString();
    }
}
