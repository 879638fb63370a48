package news.broadsheet.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import news.broadsheet.media.ImageRejectedException.Reason;
import news.broadsheet.media.internal.DecodedImage;
import news.broadsheet.media.internal.EncodedCrop;
import news.broadsheet.media.internal.EncodedVariant;
import news.broadsheet.media.internal.ImageDecoder;
import news.broadsheet.media.internal.ImageRepository;
import news.broadsheet.media.internal.MediaFiles;
import news.broadsheet.media.internal.NewImage;
import news.broadsheet.media.internal.NewImage.CropFile;
import news.broadsheet.media.internal.NewImage.VariantFile;
import news.broadsheet.media.internal.VariantRenderer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/** Takes images from the newsroom, checks them, keeps them in responsive widths, and finds them again. */
@Service
public class MediaLibrary {

    private static final int MAX_ALT_TEXT = 300;
    private static final int MAX_CAPTION = 500;
    private static final int MAX_CREDIT = 200;
    private static final int MAX_FILENAME = 255;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int CROP_BATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(MediaLibrary.class);

    private final MediaSettings settings;
    private final ImageDecoder decoder;
    private final VariantRenderer renderer;
    private final MediaFiles files;
    private final ImageRepository repository;
    private final Clock clock;

    MediaLibrary(
            MediaSettings settings,
            ImageDecoder decoder,
            VariantRenderer renderer,
            MediaFiles files,
            ImageRepository repository,
            Clock clock) {
        this.settings = settings;
        this.decoder = decoder;
        this.renderer = renderer;
        this.files = files;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Checks the upload, writes its variants and records it.
     *
     * @throws ImageRejectedException with a message for the uploader, when the upload is refused
     */
    public StoredImage store(ImageUpload upload, long uploadedByAccountId) {
        Checked checked = checked(upload);
        String altText = checked.altText();
        String caption = checked.caption();
        String credit = checked.credit();
        DecodedImage decoded = checked.decoded();
        List<EncodedVariant> encoded = renderer.render(decoded.image());
        List<EncodedCrop> encodedCrops = renderer.crops(decoded.image());
        Instant now = clock.instant();
        String stem = files.newStem(now);
        List<String> written = new ArrayList<>();
        try {
            List<VariantFile> variantFiles = new ArrayList<>();
            for (EncodedVariant variant : encoded) {
                String name = stem + "-" + variant.width() + "." + variant.extension();
                files.write(name, variant.bytes());
                written.add(name);
                variantFiles.add(new VariantFile(variant.width(), variant.height(), name));
            }
            List<CropFile> cropFiles = writeCrops(stem, encodedCrops, written);
            long id = repository.insert(new NewImage(
                    filename(upload.originalFilename()),
                    decoded.format().contentType(),
                    decoded.image().getWidth(),
                    decoded.image().getHeight(),
                    altText,
                    caption,
                    credit,
                    uploadedByAccountId,
                    now.toEpochMilli(),
                    variantFiles,
                    cropFiles));
            List<ImageVariant> variants = variantFiles.stream()
                    .map(v -> new ImageVariant(v.width(), v.height(), MediaFiles.url(v.name())))
                    .toList();
            ImageVariant largest = variants.getLast();
            return new StoredImage(
                    id, altText, caption, credit, largest.width(), largest.height(), variants, crops(cropFiles));
        } catch (RuntimeException e) {
            removeQuietly(written, e);
            throw e;
        }
    }

    /**
     * Checks the upload as {@link #store} does, and writes nothing: for a dry run that must refuse
     * what the real run would.
     *
     * @throws ImageRejectedException with a message for the uploader, when the upload would be refused
     */
    public void check(ImageUpload upload) {
        checked(upload);
    }

    private record Checked(String altText, String caption, String credit, DecodedImage decoded) {}

    private Checked checked(ImageUpload upload) {
        String altText = singleLine(upload.altText());
        if (altText.isEmpty()) {
            throw new ImageRejectedException(
                    Reason.MISSING_ALT_TEXT,
                    "altText",
                    "Please describe the image for readers who cannot see it (alt text).");
        }
        checkLength(altText, MAX_ALT_TEXT, "altText", "The alt text");
        String caption = singleLine(upload.caption());
        checkLength(caption, MAX_CAPTION, "caption", "The caption");
        String credit = singleLine(upload.credit());
        checkLength(credit, MAX_CREDIT, "credit", "The credit");
        checkSize(upload.bytes().length);
        return new Checked(altText, caption, credit, decoder.decode(upload.bytes()));
    }

    /**
     * Crops the images stored before crops existed, from their widest variant (the original is not
     * kept), a few at a time. Safe to run on several nodes at once and again: an image another run
     * has cropped is skipped, and its freshly written files removed.
     *
     * @return how many images were cropped
     */
    public int cropUncroppedImages() {
        int cropped = 0;
        Set<Long> failed = new HashSet<>();
        while (true) {
            List<Long> batch = repository.findUncropped(failed.size() + CROP_BATCH).stream()
                    .filter(id -> !failed.contains(id))
                    .toList();
            if (batch.isEmpty()) {
                return cropped;
            }
            for (long id : batch) {
                try {
                    if (cropExisting(id)) {
                        cropped++;
                    }
                } catch (RuntimeException e) {
                    // A missing or unreadable file: the image keeps working without crops; try again next start.
                    failed.add(id);
                    LOG.warn("Cannot crop image {}: {}", id, e.getMessage());
                }
            }
        }
    }

    private boolean cropExisting(long id) {
        String source = repository.findLargestVariantPath(id).orElse(null);
        if (source == null) {
            return false;
        }
        BufferedImage pixels = readOwnFile(source);
        List<String> written = new ArrayList<>();
        try {
            List<CropFile> cropFiles = writeCrops(files.newStem(clock.instant()), renderer.crops(pixels), written);
            if (!repository.recordCrops(id, cropFiles)) {
                removeQuietly(written, null);
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            removeQuietly(written, e);
            throw e;
        }
    }

    private BufferedImage readOwnFile(String name) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(files.read(name)));
            if (image == null) {
                throw new IllegalStateException("Not an image: " + name);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<CropFile> writeCrops(String stem, List<EncodedCrop> crops, List<String> written) {
        List<CropFile> cropFiles = new ArrayList<>();
        for (EncodedCrop crop : crops) {
            String name = stem + "-" + crop.ratio() + "." + crop.extension();
            files.write(name, crop.bytes());
            written.add(name);
            cropFiles.add(new CropFile(crop.ratio(), crop.width(), crop.height(), name));
        }
        return cropFiles;
    }

    private static List<ImageCrop> crops(List<CropFile> files) {
        return files.stream()
                .map(c -> new ImageCrop(c.ratio(), c.width(), c.height(), MediaFiles.url(c.name())))
                .toList();
    }

    public Optional<StoredImage> byId(long id) {
        return repository.findById(id);
    }

    /**
     * The image, if this account uploaded it: what a form may refer back to by id (an upload kept
     * while the rest of the form is corrected), without reaching other people's unpublished images.
     */
    public Optional<StoredImage> uploadedBy(long id, long accountId) {
        return repository.isUploadedBy(id, accountId) ? repository.findById(id) : Optional.empty();
    }

    /** The images with these ids, looked up together (story lists, feeds); missing ones are left out. */
    public java.util.Map<Long, StoredImage> byIds(java.util.Collection<Long> ids) {
        return repository.findByIds(ids);
    }

    /** The highest image id so far (0 when there are none): an export stops there. */
    public long maxId() {
        return repository.findMaxId();
    }

    /** At most {@code limit} images with ids above {@code afterId} and at most {@code upToId}, in id order. */
    public List<LibraryImage> page(long afterId, long upToId, int limit) {
        List<ImageRepository.Upload> uploads = repository.findUploads(afterId, upToId, limit);
        java.util.Map<Long, StoredImage> images = repository.findByIds(
                uploads.stream().map(ImageRepository.Upload::id).toList());
        List<LibraryImage> page = new ArrayList<>(uploads.size());
        for (ImageRepository.Upload upload : uploads) {
            StoredImage image = images.get(upload.id());
            if (image != null) {
                page.add(new LibraryImage(image, upload.originalFilename(), upload.contentType(), upload.uploadedAt()));
            }
        }
        return page;
    }

    private void checkSize(long bytes) {
        DataSize limit = settings.maxImageSize();
        if (bytes > limit.toBytes()) {
            throw new ImageRejectedException(
                    Reason.TOO_LARGE,
                    "image",
                    "Images can be at most %s; this one is %s.".formatted(describe(limit.toBytes()), describe(bytes)));
        }
    }

    private static void checkLength(String text, int max, String field, String what) {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new ImageRejectedException(
                    Reason.TEXT_TOO_LONG,
                    field,
                    "%s can be at most %d characters; this one has %d.".formatted(what, max, length));
        }
    }

    /**
     * A size as people read it: {@code 10 MB}, {@code 12.4 MB}, {@code 50 KB}. Rounded up, so an
     * upload just over the limit never reads as equal to it.
     */
    static String describe(long bytes) {
        if (bytes >= 1024 * 1024) {
            return tenths(bytes, 1024 * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return tenths(bytes, 1024) + " KB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    private static String tenths(long bytes, long unit) {
        long tenths = (bytes * 10 + unit - 1) / unit;
        return tenths % 10 == 0
                ? Long.toString(tenths / 10)
                : String.format(Locale.ROOT, "%d.%d", tenths / 10, tenths % 10);
    }

    /**
     * The text on one line, trimmed: line breaks and other control characters become spaces (they
     * mean nothing in an attribute or a caption, and PostgreSQL refuses NUL).
     */
    private static String singleLine(String text) {
        return CONTROL.matcher(text).replaceAll(" ").strip();
    }

    /** The name the file had on the uploader's computer, without any folder some browsers send. */
    private static String filename(String original) {
        String name =
                singleLine(original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1));
        return name.codePointCount(0, name.length()) > MAX_FILENAME
                ? name.substring(0, name.offsetByCodePoints(0, MAX_FILENAME))
                : name;
    }

    private void removeQuietly(List<String> written, @Nullable RuntimeException failure) {
        for (String name : written) {
            try {
                files.delete(name);
            } catch (UncheckedIOException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    LOG.warn("Cannot remove the unused media file {}: {}", name, e.getMessage());
                }
            }
        }
    }
}
