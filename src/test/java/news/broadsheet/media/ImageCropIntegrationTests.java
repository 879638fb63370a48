package news.broadsheet.media;

import static news.broadsheet.media.TestImages.decode;
import static news.broadsheet.media.TestImages.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Crops at the aspect ratios Google asks for (16:9, 4:3, 1:1): cut from the centre, never enlarged. */
@IntegrationTest
class ImageCropIntegrationTests {

    private static final long UPLOADER = 7;

    @Autowired
    MediaLibrary library;

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    @Test
    void cropsALargeUploadAtEachRatio1200PixelsWide() {
        StoredImage image = library.store(upload(encode(TestImages.picture(2400, 1500), "jpeg")), UPLOADER);

        assertThat(image.crops())
                .extracting(ImageCrop::ratio, ImageCrop::width, ImageCrop::height)
                .containsExactly(tuple("16x9", 1200, 675), tuple("4x3", 1200, 900), tuple("1x1", 1200, 1200));
        for (ImageCrop crop : image.crops()) {
            BufferedImage served = decode(http.bytes(crop.url()));
            assertThat(served.getWidth()).as(crop.url()).isEqualTo(crop.width());
            assertThat(served.getHeight()).as(crop.url()).isEqualTo(crop.height());
        }
        assertThat(library.byId(image.id()).orElseThrow().crops()).isEqualTo(image.crops());
        assertThat(image.variants()).as("crops never join the srcset").hasSize(5);
    }

    @Test
    void cutsFromTheCentre() {
        // Red and blue bands at the sides, green in the middle: the square crop must be all green.
        BufferedImage bands = new BufferedImage(1600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = bands.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 400, 800);
        g.setColor(Color.GREEN);
        g.fillRect(400, 0, 800, 800);
        g.setColor(Color.BLUE);
        g.fillRect(1200, 0, 400, 800);
        g.dispose();

        StoredImage image = library.store(upload(encode(bands, "png")), UPLOADER);

        BufferedImage square =
                decode(http.bytes(image.crop(ImageCrop.SQUARE).orElseThrow().url()));
        assertThat(square.getWidth())
                .as("as large as the original allows, not enlarged")
                .isEqualTo(800);
        for (int x : new int[] {4, 400, 795}) {
            Color pixel = new Color(square.getRGB(x, 400));
            assertThat(pixel.getGreen()).as("x=" + x).isGreaterThan(200);
            assertThat(pixel.getRed()).as("x=" + x).isLessThan(60);
            assertThat(pixel.getBlue()).as("x=" + x).isLessThan(60);
        }
    }

    @Test
    void neverEnlargesAndLeavesOutCropsTooSmallForSearchEngines() {
        StoredImage image = library.store(upload(encode(TestImages.picture(320, 180), "jpeg")), UPLOADER);

        assertThat(image.crops())
                .as("4:3 would be 240 x 180 and 1:1 180 x 180, under 50,000 pixels")
                .extracting(ImageCrop::ratio, ImageCrop::width, ImageCrop::height)
                .containsExactly(tuple("16x9", 320, 180));
        assertThat(library.store(upload(encode(TestImages.picture(200, 150), "jpeg")), UPLOADER)
                        .crops())
                .isEmpty();
    }

    @Test
    void cropsImagesStoredBeforeCropsExistedOnce() {
        StoredImage image = library.store(upload(encode(TestImages.picture(1600, 1000), "jpeg")), UPLOADER);
        // As an image stored by an older version: no crops, not marked as cropped.
        database.jdbc()
                .sql("DELETE FROM image_crop WHERE image_id = ?")
                .param(image.id())
                .update();
        database.jdbc()
                .sql("UPDATE image SET crops_version = 0 WHERE id = ?")
                .param(image.id())
                .update();
        assertThat(library.byId(image.id()).orElseThrow().crops()).isEmpty();

        assertThat(library.cropUncroppedImages()).isGreaterThanOrEqualTo(1);

        StoredImage cropped = library.byId(image.id()).orElseThrow();
        assertThat(cropped.crops())
                .extracting(ImageCrop::ratio, ImageCrop::width, ImageCrop::height)
                .containsExactly(tuple("16x9", 1200, 675), tuple("4x3", 1200, 900), tuple("1x1", 1000, 1000));
        for (ImageCrop crop : cropped.crops()) {
            assertThat(decode(http.bytes(crop.url())).getHeight()).isEqualTo(crop.height());
        }
        int crops = database.count("image_crop");
        assertThat(library.cropUncroppedImages()).as("nothing left to do").isZero();
        assertThat(database.count("image_crop")).isEqualTo(crops);
    }

    private static ImageUpload upload(byte[] bytes) {
        return new ImageUpload("photo", bytes, "A harbour at dawn", "", "");
    }
}
