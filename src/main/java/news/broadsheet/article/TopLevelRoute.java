package news.broadsheet.article;

import java.util.Optional;
import org.springframework.web.servlet.ModelAndView;

/**
 * Another feature's page at a one-segment address such as {@code /about}. The article module's
 * catch-all route asks these only when no section lives at the address, so a section is never
 * shadowed; a retired section address is redirected only when none of these answers.
 */
public interface TopLevelRoute {

    /** The page (or a redirect to it) for this valid slug, or empty when this feature has none. */
    Optional<ModelAndView> route(String slug);
}
