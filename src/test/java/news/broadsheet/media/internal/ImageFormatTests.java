package news.broadsheet.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import news.broadsheet.media.TestImages;
import org.junit.jupiter.api.Test;

class ImageFormatTests {

    private static final BufferedImage PICTURE = TestImages.picture(32, 32);

    @Test
    void recognisesFormatsByTheirFirstBytes() {
        assertThat(ImageFormat.detect(TestImages.encode(PICTURE, "jpeg"))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(TestImages.encode(PICTURE, "png"))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect(TestImages.encode(PICTURE, "gif"))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect(ascii("GIF87a..."))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect(TestImages.LOSSY_WEBP)).contains(ImageFormat.WEBP);
    }

    @Test
    void recognisesNothingElse() {
        assertThat(ImageFormat.detect(ascii("<!DOCTYPE html><html>"))).isEmpty();
        assertThat(ImageFormat.detect(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .isEmpty();
        assertThat(ImageFormat.detect(ascii("%PDF-1.7"))).isEmpty();
        // A RIFF file that is not WebP: a WAV sound.
        assertThat(ImageFormat.detect(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
        assertThat(ImageFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
