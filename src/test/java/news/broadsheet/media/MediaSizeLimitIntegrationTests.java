package news.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.broadsheet.media.ImageRejectedException.Reason;
import news.broadsheet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The upload limit comes from {@code broadsheet.media.max-image-size}, and the message says both sizes. */
@IntegrationTest(properties = "broadsheet.media.max-image-size=50KB")
class MediaSizeLimitIntegrationTests {

    @Autowired
    MediaLibrary library;

    @Test
    void rejectsImageOverTheConfiguredLimit() {
        byte[] png = TestImages.encode(TestImages.noise(200, 200), "png");
        assertThat(png.length).isBetween(100 * 1024, 130 * 1024);

        assertThatThrownBy(() -> library.store(new ImageUpload("big.png", png, "Static", "", ""), 1))
                .isInstanceOfSatisfying(ImageRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(rejected.field()).isEqualTo("image");
                    assertThat(rejected.getMessage())
                            .isEqualTo("Images can be at most 50 KB; this one is %s."
                                    .formatted(MediaLibrary.describe(png.length)));
                });
    }

    @Test
    void storesImageWithinTheLimit() {
        byte[] jpeg = TestImages.encode(TestImages.picture(400, 300), "jpeg");
        assertThat(jpeg.length).isLessThan(50 * 1024);

        assertThat(library.store(new ImageUpload("small.jpg", jpeg, "Small", "", ""), 1)
                        .url())
                .endsWith("-400.jpg");
    }
}
