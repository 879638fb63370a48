package news.broadsheet.media;

import java.time.Instant;

/**
 * An image in the library with what the newsroom knows about its upload, for a whole-site export.
 *
 * @param originalFilename the name on the uploader's computer
 * @param contentType of the upload, as read from its bytes
 */
public record LibraryImage(StoredImage image, String originalFilename, String contentType, Instant uploadedAt) {}
