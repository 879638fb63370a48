/**
 * Media: images uploaded by the newsroom, checked (type read from the bytes, size, pixel count,
 * alt text), re-encoded without their metadata in responsive widths and centre crops at 16:9, 4:3
 * and 1:1 (for search engines and link previews), and served under {@code
 * /media} with a one-year cache lifetime. Owns the {@code image}, {@code image_variant} and {@code image_crop} tables
 * and the {@code media} folder of the data directory; exposes {@link
 * news.broadsheet.media.MediaLibrary} and the {@link news.broadsheet.media.StoredImage} read model.
 * Publishes and listens to nothing.
 */
@NullMarked
package news.broadsheet.media;

import org.jspecify.annotations.NullMarked;
