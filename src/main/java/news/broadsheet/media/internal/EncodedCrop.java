package news.broadsheet.media.internal;

/** One crop, encoded and ready to write; {@code ratio} is {@code 16x9}, {@code 4x3} or {@code 1x1}. */
@SuppressWarnings("ArrayRecordComponent") // a message, never compared or used as a key
public record EncodedCrop(String ratio, int width, int height, String extension, byte[] bytes) {}
