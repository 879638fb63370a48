package news.broadsheet.section;

import java.util.Optional;

/**
 * Another feature's claim on one-segment addresses (static pages at {@code /about}): a top-level
 * section may not take a slug that one of these claims, so the section module need not know them.
 */
public interface TopLevelSlugClaim {

    /** Why this slug is taken, for the editor ("The page “About us” has the address /about."), or empty. */
    Optional<String> claimed(String slug);
}
