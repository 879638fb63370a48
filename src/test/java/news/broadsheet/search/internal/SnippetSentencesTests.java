package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnippetSentencesTests {

    @Test
    void aSentenceBeginsAfterAStopAndItsSpacesUnlessInLowerCaseAndAfterALineBreak() {
        String text =
                "The vote was close. Was it fair? \"Yes!\" she said.\nRates rose 3.5 points (e.g. at example.com) today.";

        assertThat(boundaries(new SnippetSentences(), text))
                .containsExactly(
                        0,
                        text.indexOf("Was"),
                        text.indexOf("\"Yes"),
                        text.indexOf("she"),
                        text.indexOf("Rates"),
                        text.length());
    }

    @Test
    void findsTheSameSentencesAsTheJdkInPlainProse() {
        Random random = new Random(20261206);
        String[] words = {"council", "harbour", "vote", "rates", "the", "a", "budget", "Minister", "said", "week"};
        for (int round = 0; round < 50; round++) {
            StringBuilder text = new StringBuilder();
            for (int sentence = 0; sentence < 1 + random.nextInt(8); sentence++) {
                StringBuilder words_ = new StringBuilder("Today");
                for (int word = 0; word < 3 + random.nextInt(12); word++) {
                    words_.append(' ').append(words[random.nextInt(words.length)]);
                }
                text.append(words_).append(".?!".charAt(random.nextInt(3))).append(random.nextInt(5) == 0 ? "\n" : " ");
            }
            String prose = text.toString().strip();

            assertThat(boundaries(new SnippetSentences(), prose))
                    .as(prose)
                    .isEqualTo(boundaries(BreakIterator.getSentenceInstance(Locale.ROOT), prose));
        }
    }

    @Test
    void movesAroundAnOffsetAsABreakIteratorDoes() {
        String text = "One two. Three four. Five.";
        BreakIterator sentences = new SnippetSentences();
        sentences.setText(text);

        assertThat(sentences.following(0)).isEqualTo(9);
        assertThat(sentences.following(9)).isEqualTo(21);
        assertThat(sentences.following(25)).isEqualTo(text.length());
        assertThat(sentences.following(text.length())).isEqualTo(BreakIterator.DONE);
        assertThat(sentences.preceding(12)).isEqualTo(9);
        assertThat(sentences.preceding(9)).isZero();
        assertThat(sentences.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(sentences.isBoundary(21)).isTrue();
        assertThat(sentences.isBoundary(22)).isFalse();
        assertThat(sentences.current()).as("moved to the next boundary").isEqualTo(text.length());
        sentences.first();
        assertThat(sentences.next(2)).isEqualTo(21);
        assertThat(sentences.next(-1)).isEqualTo(9);
        assertThat(sentences.last()).isEqualTo(text.length());
        assertThat(sentences.next()).isEqualTo(BreakIterator.DONE);
    }

    private static List<Integer> boundaries(BreakIterator iterator, String text) {
        iterator.setText(text);
        List<Integer> found = new ArrayList<>();
        for (int at = iterator.first(); at != BreakIterator.DONE; at = iterator.next()) {
            found.add(at);
        }
        return found;
    }
}
