package news.broadsheet.page.internal;

import java.util.Optional;
import news.broadsheet.section.TopLevelSlugClaim;
import org.springframework.stereotype.Component;

/** Keeps new top-level sections off the addresses of pages (drafts included), so neither shadows the other. */
@Component
class PageSlugClaim implements TopLevelSlugClaim {

    private final PageRepository repository;

    PageSlugClaim(PageRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<String> claimed(String slug) {
        return repository
                .findBySlug(slug)
                .map(page -> "The page “" + page.title() + "” already has the address /" + slug + ".");
    }
}
