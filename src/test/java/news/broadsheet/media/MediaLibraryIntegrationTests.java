package news.broadsheet.media;

import static news.broadsheet.media.TestImages.contains;
import static news.broadsheet.media.TestImages.decode;
import static news.broadsheet.media.TestImages.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import news.broadsheet.media.ImageRejectedException.Reason;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.TestDatabaseQueries;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Stores real JPEG, PNG, GIF and WebP files through the library, and fetches them as a browser would. */
@IntegrationTest
class MediaLibraryIntegrationTests {

    private static final long UPLOADER = 7;

    @Autowired
    MediaLibrary library;

    @Autowired
    MutableClock clock;

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    @Value("${broadsheet.data-dir}")
    Path dataDir;

    /** The month folder files go to now, such as {@code 2026/05}; the test clock only moves when told. */
    String month;

    @BeforeEach
    void setUp() {
        month = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC).format(clock.instant());
    }

    @Test
    void storesJpegInResponsiveVariants() {
        StoredImage image =
                library.store(upload("press-conference.jpg", encode(TestImages.picture(2000, 1200), "jpeg")), UPLOADER);

        assertThat(image.variants())
                .extracting(ImageVariant::width, ImageVariant::height)
                .containsExactly(
                        tuple(480, 288), tuple(960, 576), tuple(1440, 864), tuple(1920, 1152), tuple(2000, 1200));
        assertThat(image.variants())
                .allSatisfy(variant -> assertThat(variant.url())
                        .matches("/media/" + month + "/[0-9a-f]{16}-" + variant.width() + "\\.jpg"));
        for (ImageVariant variant : image.variants()) {
            byte[] file = read(variant);
            assertThat(file).startsWith(0xFF, 0xD8, 0xFF);
            BufferedImage decoded = decode(file);
            assertThat(decoded.getWidth()).isEqualTo(variant.width());
            assertThat(decoded.getHeight()).isEqualTo(variant.height());
        }
        assertThat(image.url()).endsWith("-2000.jpg");
        assertThat(image.width()).isEqualTo(2000);
        assertThat(image.height()).isEqualTo(1200);
        assertThat(image.srcset())
                .isEqualTo(image.variants().stream()
                        .map(v -> v.url() + " " + v.width() + "w")
                        .reduce((a, b) -> a + ", " + b)
                        .orElseThrow());
        assertThat(image.sizes()).isEqualTo("(min-width: 48rem) 42rem, 100vw");
        assertThat(image.altText()).isEqualTo("A minister at a lectern");
        assertThat(library.byId(image.id())).contains(image);
    }

    @Test
    void recordsTheUploadAndWhoSentIt() {
        StoredImage image = library.store(
                new ImageUpload(
                        "C:\\fakepath\\harbour.jpg",
                        encode(TestImages.picture(640, 480), "jpeg"),
                        "  The harbour\nat dawn ",
                        " Boats leaving before the storm ",
                        " Ana Ferreira "),
                UPLOADER);

        assertThat(image.altText()).isEqualTo("The harbour at dawn");
        assertThat(image.caption()).isEqualTo("Boats leaving before the storm");
        assertThat(image.credit()).isEqualTo("Ana Ferreira");
        var row = database.jdbc()
                .sql("SELECT original_filename, content_type, width, height, uploaded_by, created_at FROM image"
                        + " WHERE id = ?")
                .param(image.id())
                .query((rs, n) -> List.of(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getLong(6)))
                .single();
        assertThat(row)
                .containsExactly(
                        "harbour.jpg",
                        "image/jpeg",
                        640,
                        480,
                        UPLOADER,
                        clock.instant().toEpochMilli());
    }

    @Test
    void capsTheLargestVariantAt2400Pixels() {
        StoredImage image =
                library.store(upload("panorama.jpg", encode(TestImages.picture(3000, 1000), "jpeg")), UPLOADER);

        assertThat(image.variants()).extracting(ImageVariant::width).containsExactly(480, 960, 1440, 1920, 2400);
        assertThat(image.variants().getLast().height()).isEqualTo(800);
        assertThat(decode(read(image.variants().getLast())).getWidth()).isEqualTo(2400);
    }

    @Test
    void keepsASmallImageAtItsOwnWidth() {
        StoredImage image = library.store(upload("icon.png", encode(TestImages.picture(300, 200), "png")), UPLOADER);

        assertThat(image.variants())
                .extracting(ImageVariant::width, ImageVariant::height)
                .containsExactly(tuple(300, 200));
        // Opaque, so a photo format, whatever it arrived as.
        assertThat(image.url()).endsWith("-300.jpg");
    }

    @Test
    void storesPngWithTransparencyAsPng() {
        BufferedImage logo =
                TestImages.halves(1000, 500, Color.RED, new Color(0, 0, 0, 0), BufferedImage.TYPE_INT_ARGB);

        StoredImage image = library.store(upload("logo.png", encode(logo, "png")), UPLOADER);

        assertThat(image.variants()).extracting(ImageVariant::width).containsExactly(480, 960, 1000);
        for (ImageVariant variant : image.variants()) {
            assertThat(variant.url()).endsWith("-" + variant.width() + ".png");
            BufferedImage decoded = decode(read(variant));
            assertThat(decoded.getColorModel().hasAlpha()).isTrue();
            assertThat(decoded.getRGB(variant.width() / 4, variant.height() / 2))
                    .isEqualTo(Color.RED.getRGB());
            assertThat(decoded.getRGB(variant.width() * 3 / 4, variant.height() / 2) >>> 24)
                    .isZero();
        }
    }

    @Test
    void storesTheFirstFrameOfAnAnimatedGif() {
        byte[] gif = TestImages.animatedGif(600, 400, Color.GREEN, Color.BLUE);

        StoredImage image = library.store(upload("reaction.gif", gif), UPLOADER);

        assertThat(image.variants()).extracting(ImageVariant::width).containsExactly(480, 600);
        BufferedImage first = decode(read(image.variants().getLast()));
        assertThat(new Color(first.getRGB(300, 200)).getGreen()).isGreaterThan(200);
        assertThat(new Color(first.getRGB(300, 200)).getBlue()).isLessThan(50);
    }

    @Test
    void storesWebp() {
        assertThat(decode(TestImages.LOSSY_WEBP).getWidth())
                .as("the fixture itself decodes")
                .isEqualTo(24);

        StoredImage photo = library.store(upload("phone.webp", TestImages.LOSSY_WEBP), UPLOADER);
        StoredImage sticker = library.store(upload("sticker.webp", TestImages.TRANSPARENT_WEBP), UPLOADER);

        assertThat(photo.variants())
                .extracting(ImageVariant::width, ImageVariant::height)
                .containsExactly(tuple(24, 16));
        assertThat(photo.url()).endsWith("-24.jpg");
        assertThat(decode(read(photo.variants().getFirst())).getWidth()).isEqualTo(24);
        assertThat(sticker.url()).endsWith("-24.png");
        BufferedImage transparent = decode(read(sticker.variants().getFirst()));
        assertThat(transparent.getRGB(2, 8)).isEqualTo(new Color(200, 30, 30).getRGB());
        assertThat(transparent.getRGB(20, 8) >>> 24).isZero();
    }

    @Test
    void stripsCameraMetadata() {
        byte[] jpeg = encode(TestImages.picture(1200, 800), "jpeg");
        jpeg = TestImages.withSegment(jpeg, 0xFE, TestImages.comment("Shot at 51.5007N 0.1246W by source K"));
        jpeg = TestImages.withSegment(jpeg, 0xE1, TestImages.exif(1, "SpyCam Model 9"));
        assertThat(contains(jpeg, "Exif")).isTrue();
        assertThat(contains(jpeg, "SpyCam")).isTrue();
        assertThat(contains(jpeg, "51.5007N")).isTrue();

        StoredImage image = library.store(upload("source.jpg", jpeg), UPLOADER);

        for (ImageVariant variant : image.variants()) {
            byte[] file = read(variant);
            assertThat(contains(file, "Exif")).as(variant.url()).isFalse();
            assertThat(contains(file, "SpyCam")).as(variant.url()).isFalse();
            assertThat(contains(file, "51.5007N")).as(variant.url()).isFalse();
            assertThat(decode(file).getWidth()).isEqualTo(variant.width());
        }
    }

    @Test
    void turnsPhonePhotosUpright() {
        // Sensor pixels red on the left, blue on the right; EXIF says turn a quarter clockwise.
        byte[] jpeg = encode(TestImages.halves(200, 100, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "jpeg");
        jpeg = TestImages.withSegment(jpeg, 0xE1, TestImages.exif(6, "Phone"));

        StoredImage image = library.store(upload("portrait.jpg", jpeg), UPLOADER);

        assertThat(image.width()).isEqualTo(100);
        assertThat(image.height()).isEqualTo(200);
        BufferedImage upright = decode(read(image.variants().getLast()));
        assertThat(new Color(upright.getRGB(50, 20)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(50, 180)).getBlue()).isGreaterThan(200);
    }

    @Test
    void rejectsHtmlNamedAsJpeg() {
        byte[] html = "<!doctype html><script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);

        assertRejected(upload("photo.jpg", html), Reason.UNSUPPORTED_TYPE, "image")
                .hasMessage("That file is not a JPEG, PNG, WebP or GIF image.");
        assertRejected(upload("photo.jpg", svg), Reason.UNSUPPORTED_TYPE, "image");
        assertRejected(upload("photo.jpg", new byte[0]), Reason.UNSUPPORTED_TYPE, "image");
    }

    @Test
    void rejectsImageWithoutAltText() {
        byte[] jpeg = encode(TestImages.picture(640, 480), "jpeg");

        assertRejected(new ImageUpload("photo.jpg", jpeg, " \n\t ", "", ""), Reason.MISSING_ALT_TEXT, "altText")
                .hasMessage("Please describe the image for readers who cannot see it (alt text).");
    }

    @Test
    void rejectsOverlongText() {
        byte[] jpeg = encode(TestImages.picture(64, 48), "jpeg");

        assertRejected(new ImageUpload("a.jpg", jpeg, "a".repeat(301), "", ""), Reason.TEXT_TOO_LONG, "altText")
                .hasMessage("The alt text can be at most 300 characters; this one has 301.");
        assertRejected(new ImageUpload("a.jpg", jpeg, "Alt", "c".repeat(501), ""), Reason.TEXT_TOO_LONG, "caption")
                .hasMessage("The caption can be at most 500 characters; this one has 501.");
        assertRejected(new ImageUpload("a.jpg", jpeg, "Alt", "", "c".repeat(201)), Reason.TEXT_TOO_LONG, "credit")
                .hasMessage("The credit can be at most 200 characters; this one has 201.");
        // Characters, not UTF-16 units: 300 emoji fit.
        assertThat(library.store(new ImageUpload("a.jpg", jpeg, "\uD83D\uDCF0".repeat(300), "", ""), UPLOADER)
                        .altText())
                .hasSize(600);
    }

    @Test
    void rejectsTruncatedJpeg() {
        byte[] jpeg = encode(TestImages.picture(1200, 800), "jpeg");

        assertRejected(upload("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2)), Reason.UNREADABLE, "image")
                .hasMessage("That image file is damaged or incomplete, so it cannot be read.");
        assertRejected(upload("cut.jpg", Arrays.copyOf(jpeg, 200)), Reason.UNREADABLE, "image");
    }

    @Test
    void rejectsDecompressionBombBeforeDecoding() {
        assertRejected(upload("bomb.png", TestImages.pngHeader(50_000, 50_000)), Reason.TOO_MANY_PIXELS, "image")
                .hasMessage("Images can have at most 40 megapixels; this one is 50000 × 50000.");
    }

    @Test
    void storesNothingForARejectedUpload() throws IOException {
        int images = database.count("image");
        long files = mediaFileCount();

        assertRejected(
                upload("cut.jpg", Arrays.copyOf(encode(TestImages.picture(800, 600), "jpeg"), 300)),
                Reason.UNREADABLE,
                "image");
        assertRejected(
                upload("photo.jpg", "<html>".getBytes(StandardCharsets.UTF_8)), Reason.UNSUPPORTED_TYPE, "image");

        assertThat(database.count("image")).isEqualTo(images);
        assertThat(mediaFileCount()).isEqualTo(files);
    }

    @Test
    void servesVariantsCachedForAYear() throws Exception {
        StoredImage image =
                library.store(upload("served.jpg", encode(TestImages.picture(1000, 600), "jpeg")), UPLOADER);
        ImageVariant smallest = image.variants().getFirst();

        Http.Response response = http.get(smallest.url());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(response.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Set-Cookie")).isNull();
        byte[] served = fetchBytes(smallest.url());
        assertThat(served).isEqualTo(read(smallest));
        assertThat(decode(served).getWidth()).isEqualTo(480);

        Http.Response png = http.get(library.store(
                        upload(
                                "dot.png",
                                encode(
                                        TestImages.halves(
                                                10, 10, Color.RED, new Color(0, 0, 0, 0), BufferedImage.TYPE_INT_ARGB),
                                        "png")),
                        UPLOADER)
                .url());
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
    }

    @Test
    void answersUnknownMediaWithNotFound() {
        Http.Response response = http.get("/media/2026/05/0123456789abcdef-480.jpg");

        assertThat(response.status()).isEqualTo(404);
        // The image may yet be stored under that name: the answer must not be kept for a year.
        assertThat(Objects.toString(response.header("Cache-Control"), "")).doesNotContain("immutable");
        assertThat(http.get("/media/").status()).isEqualTo(404);
        assertThat(http.get("/media/2026/05/").status()).isEqualTo(404);
    }

    @Test
    void neverServesFilesOutsideTheMediaFolder() throws IOException {
        StoredImage image = library.store(upload("a.jpg", encode(TestImages.picture(100, 100), "jpeg")), UPLOADER);
        String secret = "TOP-SECRET-" + System.nanoTime();
        Path outside = Files.writeString(dataDir.resolve("secret.txt"), secret);
        Files.createDirectories(dataDir.resolve("media"));
        Files.writeString(dataDir.resolve("media/notes.txt"), secret);
        Path folder = dataDir.resolve("media")
                .resolve(image.url().substring("/media/".length()))
                .getParent();
        Files.writeString(folder.resolve(".upload-1.tmp"), secret);

        List<String> attempts = List.of(
                "/media/../secret.txt",
                "/media/../application.properties",
                "/media/../../../../../../etc/passwd",
                "/media/%2e%2e/secret.txt",
                "/media/%2E%2E%2Fsecret.txt",
                "/media/..%2fsecret.txt",
                "/media/..%5csecret.txt",
                "/media/2026/05/..%2f..%2f..%2fsecret.txt",
                "/media/%252e%252e/secret.txt",
                "/media/..;/secret.txt",
                "/media/notes.txt",
                "/media/" + month + "/.upload-1.tmp",
                "/media//" + outside.toAbsolutePath(),
                "/media/file:" + outside.toAbsolutePath(),
                "/media/" + image.url().substring("/media/".length()) + "/../../../../secret.txt");
        for (String attempt : attempts) {
            Http.Response response = http.get(attempt);
            assertThat(response.status()).as(attempt).isIn(400, 404);
            assertThat(response.body()).as(attempt).doesNotContain(secret, "spring.datasource", "root:x:0:0");
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            ImageUpload upload, Reason reason, String field) {
        return assertThatThrownBy(() -> library.store(upload, UPLOADER))
                .isInstanceOfSatisfying(ImageRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(reason);
                    assertThat(rejected.field()).isEqualTo(field);
                });
    }

    private static ImageUpload upload(String filename, byte[] bytes) {
        return new ImageUpload(filename, bytes, "A minister at a lectern", "", "");
    }

    private byte[] read(ImageVariant variant) {
        try {
            return Files.readAllBytes(
                    dataDir.resolve("media").resolve(variant.url().substring("/media/".length())));
        } catch (IOException e) {
            throw new AssertionError("No file for " + variant.url(), e);
        }
    }

    private long mediaFileCount() throws IOException {
        Path media = dataDir.resolve("media");
        if (!Files.exists(media)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(media)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private byte[] fetchBytes(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                            HttpRequest.newBuilder(URI.create(http.base() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        }
    }
}
