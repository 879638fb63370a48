package news.broadsheet.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A rendered body as the text search indexes. */
class SearchableArticleRepositoryTests {

    @Test
    void dropsTagsAndMakesEveryRunOfWhiteSpaceOneSpace() {
        String html = "<p>Ferries  sailed\tagain.</p>\n\n<p>Crews&amp;captains\r\ncheered</p> <h2>At dawn</h2>";

        assertThat(SearchableArticleRepository.plainText(html))
                .isEqualTo("Ferries sailed again. Crews&captains cheered At dawn");
    }

    @Test
    void givesWhatReplacingEveryRunOfWhiteSpaceGives() {
        String pieces = " \t\n\r\f\u000Bab";
        Random random = new Random(11);
        for (int text = 0; text < 2_000; text++) {
            StringBuilder html = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                html.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            String expected = html.toString().replaceAll("\\s+", " ").strip();

            assertThat(SearchableArticleRepository.plainText(html.toString()))
                    .as("the characters %s", html.chars().boxed().toList())
                    .isEqualTo(expected);
        }
    }
}
