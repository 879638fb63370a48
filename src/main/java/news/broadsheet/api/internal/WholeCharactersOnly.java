package news.broadsheet.api.internal;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses JSON text holding half a character: an unpaired surrogate escape ({@code "\uD800"}) has
 * no UTF-8 form, so the database would store it as {@code ?}, silently changing what was sent.
 */
@Component
public class WholeCharactersOnly extends SimpleModule {

    /** What the API's problem says about such a request. */
    public static final String PROBLEM = "A text field holds an unpaired surrogate (a lone \\uD800-\\uDFFF escape),"
            + " which is half of a character: send whole characters.";

    public WholeCharactersOnly() {
        super("broadsheet-whole-characters");
        addDeserializer(String.class, new Checked());
    }

    /** Whether the exception (or one of its causes) refused half a character. */
    public static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFormatException invalid
                    && invalid.getTargetType() == String.class
                    && invalid.getOriginalMessage().equals(PROBLEM)) {
                return true;
            }
        }
        return false;
    }

    static boolean whole(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class Checked extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && !whole(text)) {
                throw InvalidFormatException.from(parser, PROBLEM, text, String.class);
            }
            return text;
        }
    }
}
