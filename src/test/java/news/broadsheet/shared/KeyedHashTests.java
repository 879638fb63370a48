package news.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedHashTests {

    @TempDir
    Path dataDir;

    @Test
    void makesAKeyFileOnlyItsOwnerReadsAndKeepsUsingIt() throws Exception {
        KeyedHash first = new KeyedHash("", dataDir);
        String hash = first.of("192.0.2.1");

        Path file = dataDir.resolve("keys/hash.key");
        assertThat(Files.readString(file).strip()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(first.of("192.0.2.2"));
        assertThat(new KeyedHash("", dataDir).of("192.0.2.1"))
                .as("another start")
                .isEqualTo(hash);
        assertThat(new KeyedHash("", dataDir.resolve("elsewhere")).of("192.0.2.1"))
                .as("another key, another hash")
                .isNotEqualTo(hash);
    }

    @Test
    void prefersTheConfiguredKeyAndRefusesOneThatIsNotAKey() {
        String key = "ab".repeat(32);
        assertThat(new KeyedHash(key, dataDir).of("x")).isEqualTo(new KeyedHash(key, dataDir.resolve("b")).of("x"));
        assertThat(dataDir.resolve("keys")).doesNotExist();
        assertThatThrownBy(() -> new KeyedHash("secret", dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hexadecimal digits");
    }

    @Test
    void carriesAnEarlierKeyOverSoEarlierHashesStillMatch() {
        String earlier = "cd".repeat(32);
        String hash = new KeyedHash("", dataDir).of("x", () -> Optional.of(earlier));

        assertThat(hash).isEqualTo(new KeyedHash(earlier, dataDir.resolve("b")).of("x"));
        assertThat(new KeyedHash("", dataDir).of("x", Optional::empty)).isEqualTo(hash);
    }
}
