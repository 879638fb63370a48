package news.broadsheet.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}, written last into a backup folder: which format, when, from which schema
 * version (Flyway's), and each table's columns, primary key, row count and file; and how many media
 * files (and bytes) were copied. A folder without it is not a (complete) backup.
 *
 * @param createdAt when the database snapshot was taken, ISO-8601 in UTC
 * @param database the product and version the backup was taken from, for people
 */
public record Manifest(
        String format,
        int formatVersion,
        String createdAt,
        String schemaVersion,
        String database,
        List<Table> tables,
        Media media) {

    public static final String FILE = "manifest.json";
    public static final String FORMAT = "broadsheet-backup";
    public static final int FORMAT_VERSION = 1;

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * One table: {@code file} (relative to the backup folder) holds one JSON array per line, the
     * values in {@code columns} order, rows in primary-key order, gzipped.
     */
    public record Table(String name, List<String> columns, List<String> primaryKey, long rows, String file) {}

    /** The files under {@code media/} in the backup folder. */
    public record Media(long files, long bytes) {}

    public long rows(String table) {
        return tables.stream()
                .filter(t -> t.name().equals(table))
                .mapToLong(Table::rows)
                .sum();
    }

    public void write(Path folder) throws IOException {
        Path temporary = folder.resolve(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, this);
        }
        Files.move(temporary, folder.resolve(FILE));
    }

    /**
     * Reads a backup folder's manifest.
     *
     * @throws IllegalArgumentException with a one-line reason when the folder is not a backup
     */
    public static Manifest read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(folder + " is not a Broadsheet backup (it has no " + FILE
                    + "; a backup that did not finish has none)");
        }
        Manifest manifest;
        try (InputStream in = Files.newInputStream(file)) {
            manifest = JSON.readValue(in, Manifest.class);
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (!FORMAT.equals(manifest.format()) || manifest.formatVersion() > FORMAT_VERSION) {
            throw new IllegalArgumentException(file + " is not a backup this version of Broadsheet can read (format "
                    + manifest.format() + " " + manifest.formatVersion() + ")");
        }
        return manifest;
    }
}
