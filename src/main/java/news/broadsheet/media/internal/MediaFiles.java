package news.broadsheet.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The image files under {@code <data-dir>/media}, named {@code YYYY/MM/<16 random hex>-<width>.<ext>}
 * for the widths and {@code YYYY/MM/<16 random hex>-<ratio>.<ext>} for the crops ({@code 16x9}, {@code 4x3}, {@code 1x1}).
 * A name is never reused and a file never changes, so browsers may cache it for a year.
 */
@Component
public class MediaFiles {

    /** Where the files are served. */
    static final String URL_PREFIX = "/media/";

    /** The only names this module writes, and so the only ones it serves. */
    static final Pattern NAME = Pattern.compile("\\d{4}/\\d{2}/[0-9a-f]{16}-(\\d{1,5}|16x9|4x3|1x1)\\.(jpg|png)");

    private static final DateTimeFormatter MONTH_FOLDER =
            DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    MediaFiles(@Value("${broadsheet.data-dir:./data}") Path dataDir) {
        this.root = dataDir.resolve("media").toAbsolutePath().normalize();
    }

    /** The address a file is served at, for example {@code /media/2026/05/3f9c0a17d2e4b6c8-960.jpg}. */
    public static String url(String name) {
        return URL_PREFIX + name;
    }

    /** The folder every media file lives under. */
    public Path root() {
        return root;
    }

    /** A new, unguessable stem such as {@code 2026/05/3f9c0a17d2e4b6c8}, to which variants add their width. */
    public String newStem(Instant now) {
        byte[] name = new byte[8];
        random.nextBytes(name);
        return MONTH_FOLDER.format(now) + "/" + HexFormat.of().formatHex(name);
    }

    /**
     * Writes the file under its name (relative to {@link #root()}), durably: to a temporary file
     * first, flushed to disk, then moved into place in one step, so a reader or a crash never sees
     * half an image under a published name.
     */
    public void write(String name, byte[] bytes) {
        Path target = resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the media file " + target, e);
        }
    }

    /** The bytes of a file this module wrote. */
    public byte[] read(String name) {
        try {
            return Files.readAllBytes(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the media file " + name, e);
        }
    }

    /** Removes a file written for an upload that was not recorded after all. */
    public void delete(String name) {
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the media file " + name, e);
        }
    }

    private Path resolve(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a media file name: " + name);
        }
        return root.resolve(name);
    }
}
