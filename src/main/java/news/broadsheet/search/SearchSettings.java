package news.broadsheet.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site search settings ({@code broadsheet.search.*}).
 *
 * @param pollInterval how often each node looks for article changes made anywhere
 * @param pageSize results per page
 * @param maxQueryLength the longest query read; a longer one is cut at a space before this length
 * @param maxPage the deepest results page offered
 * @param changeRetention how long the change log keeps applied changes; a node that was down
 *     longer rebuilds its index when it starts
 * @param rebuildAndExit rebuild the index at start-up, then stop the application (command line)
 * @param ramBufferMb memory the index writer may use before it flushes a segment; at most a
 *     quarter of the JVM's heap is used, whatever is set (see {@link #ramBufferMbWithin})
 * @param relatedMaxAge how long an article's related stories are kept before the index is asked
 *     again: the longest a newly published similar story waits to appear beside it (changed,
 *     unpublished and deleted stories leave at once)
 * @param relatedCacheEntries how many articles' related stories each node keeps
 * @param snapshotDir a folder every node can read (shared storage), where nodes keep a recent
 *     copy of their index; a node without an index starts from it and catches up from the change
 *     log instead of rebuilding from scratch. Empty: no snapshots
 * @param snapshotInterval how often a node refreshes the snapshot (also after each rebuild); it
 *     must be well under {@code changeRetention}, or a new node cannot catch up from it
 * @param facetSample a search matching more stories than this counts its facets on a random
 *     sample of this many and scales the counts up (shown as "about"); counting every match of a
 *     common word was most of a search's time
 * @param answerCacheEntries how many recent search answers each node keeps, to answer the same
 *     search again while nothing in the index or visible by the clock has changed; 0 keeps none.
 *     Only the answers to questions asked before are kept (most are asked once)
 */
@ConfigurationProperties("broadsheet.search")
public record SearchSettings(
        @DefaultValue("300ms") Duration pollInterval,
        @DefaultValue("10") int pageSize,
        @DefaultValue("2000") int maxQueryLength,
        @DefaultValue("100") int maxPage,
        @DefaultValue("24h") Duration changeRetention,
        @DefaultValue("false") boolean rebuildAndExit,
        @DefaultValue("128") int ramBufferMb,
        @DefaultValue("5m") Duration relatedMaxAge,
        @DefaultValue("20000") int relatedCacheEntries,
        @DefaultValue("5000") int facetSample,
        @DefaultValue("") String snapshotDir,
        @DefaultValue("6h") Duration snapshotInterval,
        @DefaultValue("2000") int answerCacheEntries) {

    public SearchSettings {
        if (facetSample < 1) {
            throw new IllegalArgumentException(
                    "broadsheet.search.facet-sample must be at least 1 (the stories a search counts its facets on), not "
                            + facetSample);
        }
    }

    /** The least buffer the index writer is given: below it, segments are too small to be worth it. */
    static final int MINIMUM_RAM_BUFFER_MB = 16;

    /**
     * The index writer's buffer within a heap of {@code maxHeapBytes}: the setting, but no more
     * than a quarter of the heap (and no less than {@value #MINIMUM_RAM_BUFFER_MB} MB). A rebuild
     * also holds the stories being read and analysed; with ./broadsheet's 160 MB heap the default
     * 128 MB ran a 100,000-story rebuild out of memory.
     */
    public int ramBufferMbWithin(long maxHeapBytes) {
        long quarter = maxHeapBytes / 4 / (1024 * 1024);
        return (int) Math.min(ramBufferMb, Math.max(MINIMUM_RAM_BUFFER_MB, quarter));
    }
}
