package news.broadsheet.article;

import java.time.Instant;
import java.util.Set;

/**
 * The pages that list live stories, counted rather than dated: what the sitemap index needs to
 * know how many pages files there are.
 *
 * @param sectionIds the sections with a live story filed directly in them (their fronts and those
 *     of the sections above them list it)
 * @param tags how many tags live stories carry
 * @param authors how many bylines live stories carry
 * @param lastUpdate the latest update time of a live story; EPOCH without live stories
 */
public record LivePageCount(Set<Long> sectionIds, int tags, int authors, Instant lastUpdate) {}
