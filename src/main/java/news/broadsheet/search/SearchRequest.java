package news.broadsheet.search;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One search as a reader asks it.
 *
 * @param query the words, with phrases in double quotes
 * @param sectionId only stories in this section, or null
 * @param authorId only stories by this author, or null
 * @param year only stories published in this year (site time zone), or null
 * @param from only stories published on or after this day, or null
 * @param to only stories published on or before this day, or null
 * @param page the results page, from 1
 * @param size results per page, or 0 for the site's page size
 */
public record SearchRequest(
        String query,
        @Nullable Long sectionId,
        @Nullable Long authorId,
        @Nullable Integer year,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        Order order,
        int page,
        int size) {

    /** The largest page an API caller may ask for. */
    public static final int MAX_SIZE = 100;

    public SearchRequest(
            String query,
            @Nullable Long sectionId,
            @Nullable Long authorId,
            @Nullable Integer year,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            Order order,
            int page) {
        this(query, sectionId, authorId, year, from, to, order, page, 0);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, null, null, null, Order.RELEVANCE, 1);
    }

    /** How results are ordered. */
    public enum Order {
        RELEVANCE,
        NEWEST
    }
}
