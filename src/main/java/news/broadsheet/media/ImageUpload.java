package news.broadsheet.media;

/**
 * An image as the newsroom sends it, before any check. The filename is kept for the record only:
 * the type is read from the bytes.
 */
@SuppressWarnings("ArrayRecordComponent") // a message, never compared or used as a key
public record ImageUpload(String originalFilename, byte[] bytes, String altText, String caption, String credit) {}
