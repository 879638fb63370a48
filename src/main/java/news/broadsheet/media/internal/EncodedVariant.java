package news.broadsheet.media.internal;

/** One width of an image, encoded and ready to write; {@code extension} is {@code jpg} or {@code png}. */
@SuppressWarnings("ArrayRecordComponent") // a message, never compared or used as a key
public record EncodedVariant(int width, int height, String extension, byte[] bytes) {}
