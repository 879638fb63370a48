package news.broadsheet.backup.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;

/**
 * Copies the media folder. Its files never change once written and are written before the row that
 * names them is committed, so copying them after the database snapshot finds every file the
 * snapshot names (and perhaps a few newer ones, which do no harm).
 */
public final class MediaCopy {

    private MediaCopy() {}

    /** Copies every file under {@code from} (absent: none) to {@code to}; returns how many and their bytes. */
    public static Manifest.Media copy(Path from, Path to) throws IOException {
        long[] counts = new long[2];
        if (!Files.isDirectory(from)) {
            return new Manifest.Media(0, 0);
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                // Half-written uploads (moved into place when done) are not media yet.
                if (attributes.isRegularFile() && !name.startsWith(".")) {
                    Path target = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    try {
                        Files.copy(file, target);
                    } catch (NoSuchFileException e) {
                        // Removed since it was listed: an upload that was never recorded (no row names it).
                        return FileVisitResult.CONTINUE;
                    }
                    counts[0]++;
                    counts[1] += Files.size(target);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    // An upload's temporary file, moved into place (or removed) while the folder was read.
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return new Manifest.Media(counts[0], counts[1]);
    }

    /** The names (relative to {@code folder}) of those it does not hold. */
    public static List<String> missing(Path folder, Collection<String> names) {
        return names.stream()
                .filter(name -> !Files.isRegularFile(folder.resolve(name)))
                .toList();
    }

    /** Whether a folder is absent or holds no file at all. */
    public static boolean isEmpty(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return true;
        }
        try (var files = Files.walk(folder)) {
            return files.noneMatch(Files::isRegularFile);
        }
    }
}
