package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The feedback words a search keeps: the same words, in the same order, as sorting all of them would give. */
class FeedbackWordsTests {

    @Test
    void keepsTheHeaviestHeaviestFirst() {
        IndexSearch.FeedbackWords chosen = new IndexSearch.FeedbackWords(3);
        chosen.offer("harbour", 0.2);
        chosen.offer("strike", 0.9);
        chosen.offer("cranes", 0.1);
        chosen.offer("dockers", 0.5);
        chosen.offer("ferry", 0.05);

        assertThat(terms(chosen)).containsExactly("strike", "dockers", "harbour");
        assertThat(chosen.sum()).isCloseTo(1.6, within(1e-12));
    }

    @Test
    void ofWordsThatWeighTheSameKeepsTheOneOfferedFirst() {
        IndexSearch.FeedbackWords chosen = new IndexSearch.FeedbackWords(2);
        chosen.offer("tide", 0.5);
        chosen.offer("quay", 0.5);
        chosen.offer("pier", 0.5);

        assertThat(terms(chosen)).containsExactly("tide", "quay");
    }

    @Test
    void keepsWhatAStableSortOfAllOfThemKeeps() {
        Random random = new Random(20261207);
        for (int round = 0; round < 500; round++) {
            int capacity = random.nextInt(20);
            List<Map.Entry<String, Double>> offered = new ArrayList<>();
            IndexSearch.FeedbackWords chosen = new IndexSearch.FeedbackWords(capacity);
            for (int i = 0, words = random.nextInt(60); i < words; i++) {
                // Few distinct weights, so that many weigh the same.
                double weight = random.nextInt(8) / 4.0 + 0.25;
                offered.add(Map.entry("word" + i, weight));
                chosen.offer("word" + i, weight);
            }
            List<Map.Entry<String, Double>> sorted = new ArrayList<>(offered);
            sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
            List<Map.Entry<String, Double>> expected = sorted.subList(0, Math.min(capacity, sorted.size()));

            assertThat(terms(chosen))
                    .as("round %d", round)
                    .containsExactlyElementsOf(
                            expected.stream().map(Map.Entry::getKey).toList());
            assertThat(chosen.sum())
                    .isEqualTo(
                            expected.stream().mapToDouble(Map.Entry::getValue).sum());
        }
    }

    private static List<String> terms(IndexSearch.FeedbackWords chosen) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            terms.add(chosen.term(i));
        }
        return terms;
    }
}
