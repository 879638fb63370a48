package news.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void makesLowercaseHyphenatedAsciiFromNames() {
        assertThat(Slugs.from("Baltic Security: Air Policing")).isEqualTo("baltic-security-air-policing");
        assertThat(Slugs.from("  Zürich's Café — Ölmarkt ")).isEqualTo("zurich-s-cafe-olmarkt");
        assertThat(Slugs.from("!!!")).isEmpty();
    }

    @Test
    void capsLengthWithoutTrailingHyphen() {
        String slug = Slugs.from("word ".repeat(40));

        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void acceptsOnlyWellFormedSlugs() {
        assertThat(Slugs.isValid("world-defense-2")).isTrue();
        assertThat(Slugs.isValid("World")).isFalse();
        assertThat(Slugs.isValid("-lead")).isFalse();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid("..")).isFalse();
    }
}
