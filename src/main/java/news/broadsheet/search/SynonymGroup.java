package news.broadsheet.search;

import java.time.Instant;
import java.util.List;

/**
 * Words and phrases editors say mean the same to readers: a search for any of them also finds
 * stories that use the others.
 *
 * @param terms the members as editors typed them, at least two
 */
public record SynonymGroup(long id, List<String> terms, String createdBy, Instant createdAt) {}
