package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import news.broadsheet.search.SearchSettings;
import news.broadsheet.support.MutableClock;
import org.junit.jupiter.api.Test;

class RelatedStoriesCacheTests {

    final MutableClock clock = new MutableClock();
    final RelatedStoriesCache cache = new RelatedStoriesCache(settings(Duration.ofMinutes(5), 3), clock);
    final AtomicInteger lookUps = new AtomicInteger();

    @Test
    void asksOnceWhileTheEntryIsYoungerThanTheMaxAge() {
        assertThat(cache.idsFor(1, found(2L, 3L))).containsExactly(2L, 3L);
        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.idsFor(1, found(9L))).containsExactly(2L, 3L);
        assertThat(lookUps).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.idsFor(1, found(9L))).containsExactly(9L);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void forgetsTheChangedStoryAndEveryEntryListingIt() {
        cache.idsFor(1, found(2L, 3L));
        cache.idsFor(2, found(1L));
        cache.idsFor(4, found(5L));

        cache.forget(List.of(3L, 2L));

        cache.idsFor(1, found(5L));
        cache.idsFor(2, found(5L));
        cache.idsFor(4, found(6L));
        assertThat(lookUps).as("1 listed 3, 2 changed itself, 4 untouched").hasValue(5);
    }

    @Test
    void doesNotKeepAnAnswerFoundWhileAChangeWasApplied() {
        cache.idsFor(1, () -> {
            cache.forget(List.of(7L));
            return found(2L).get();
        });
        cache.idsFor(1, found(2L));
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void keepsNoMoreThanItsLimit() {
        for (long id = 1; id <= 10; id++) {
            cache.idsFor(id, found(100L));
        }
        lookUps.set(0);
        for (long id = 1; id <= 10; id++) {
            cache.idsFor(id, found(100L));
        }
        assertThat(lookUps.get()).as("at most 3 of 10 were still kept").isGreaterThanOrEqualTo(7);
    }

    @Test
    void aZeroMaxAgeAsksEveryTime() {
        RelatedStoriesCache never = new RelatedStoriesCache(settings(Duration.ZERO, 10), clock);
        never.idsFor(1, found(2L));
        never.idsFor(1, found(2L));
        assertThat(lookUps).hasValue(2);
    }

    private Supplier<List<Long>> found(Long... ids) {
        return () -> {
            lookUps.incrementAndGet();
            return List.of(ids);
        };
    }

    private static SearchSettings settings(Duration maxAge, int entries) {
        return new SearchSettings(
                Duration.ofMillis(300),
                10,
                200,
                100,
                Duration.ofHours(24),
                false,
                128,
                maxAge,
                entries,
                5000,
                "",
                Duration.ofHours(6),
                0);
    }
}
