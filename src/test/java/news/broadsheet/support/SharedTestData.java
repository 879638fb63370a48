package news.broadsheet.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The external test data in {@code ../shared/testdata} (never copied into this repository). Tests
 * that use it are skipped, with a message saying why, where it is absent.
 */
public final class SharedTestData {

    private SharedTestData() {}

    public static Path root() {
        return Path.of(System.getProperty("broadsheet.testdata", "../shared/testdata"));
    }

    /** The file, or a skipped test when the shared data is not beside this checkout. */
    public static Path require(String relative) {
        Path file = root().resolve(relative);
        Assumptions.assumeTrue(
                Files.isRegularFile(file),
                () -> "Skipped: shared test data " + file.toAbsolutePath() + " is not present");
        return file;
    }
}
