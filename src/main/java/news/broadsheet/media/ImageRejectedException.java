package news.broadsheet.media;

/** An upload the library will not store, with a message for the person who sent it. */
public class ImageRejectedException extends RuntimeException {

    /** Why the upload was refused. */
    public enum Reason {
        /** The bytes are not a JPEG, PNG, WebP or GIF image, whatever the file is called. */
        UNSUPPORTED_TYPE,
        /** The file is over {@code broadsheet.media.max-image-size}. */
        TOO_LARGE,
        /** No alt text: the image would mean nothing to readers who cannot see it. */
        MISSING_ALT_TEXT,
        /** The alt text, caption or credit is longer than its column allows. */
        TEXT_TOO_LONG,
        /** The file looks like an image but cannot be decoded (damaged or truncated). */
        UNREADABLE,
        /** Too many pixels to decode safely (a decompression bomb, or simply far too big). */
        TOO_MANY_PIXELS
    }

    private final Reason reason;
    private final String field;

    /**
     * @param field the form field the message belongs to: {@code image}, {@code altText}, {@code
     *     caption} or {@code credit}
     */
    public ImageRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The form field the message belongs next to. */
    public String field() {
        return field;
    }
}
