package news.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListsTests {

    @Test
    void cutsValuesIntoChunksOfAtMostFiveHundredInTheirOrder() {
        List<Integer> values = IntStream.range(0, 1201).boxed().toList();

        List<List<Integer>> chunks = InLists.chunks(values);

        assertThat(chunks).extracting(List::size).containsExactly(500, 500, 201);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(values);
    }

    @Test
    void exactlyFullChunksLeaveNoEmptyOne() {
        assertThat(InLists.chunks(IntStream.range(0, 1000).boxed().toList()))
                .extracting(List::size)
                .containsExactly(500, 500);
    }

    @Test
    void noValuesMakeNoChunks() {
        assertThat(InLists.chunks(List.of())).isEmpty();
    }
}
