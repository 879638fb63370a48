package news.broadsheet.media.internal;

import java.awt.image.BufferedImage;

/** An upload's pixels, the right way up, and the format it arrived in. */
public record DecodedImage(ImageFormat format, BufferedImage image) {}
