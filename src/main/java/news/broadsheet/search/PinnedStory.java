package news.broadsheet.search;

import java.time.Instant;

/**
 * A story editors put first for a search.
 *
 * @param query the search as the editor typed it; it applies to any search with the same words in
 *     the same order, whatever their case and punctuation
 * @param headline the story's headline now
 * @param live whether the story is published and visible now (only then do readers see it first)
 */
public record PinnedStory(
        long id, String query, long articleId, String headline, boolean live, String createdBy, Instant createdAt) {}
