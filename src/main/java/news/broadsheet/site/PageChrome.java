package news.broadsheet.site;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every public page shows around its content: the masthead, the section navigation, the
 * stylesheet's and the site icon's content-hashed addresses and the static pages linked from the
 * footer. Controllers receive it as the model attribute {@code chrome}.
 *
 * @param sections the first top-level sections, for the masthead
 * @param scriptUrl the public pages' script (relative times), content-hashed; pages work without it
 * @param moreSections whether there are more top-level sections than the masthead shows (they are
 *     all on {@code /sections})
 */
public record PageChrome(
        String siteName,
        List<NavLink> sections,
        boolean moreSections,
        String stylesheetUrl,
        String iconUrl,
        String scriptUrl,
        int year,
        List<NavLink> footerPages) {

    /** How many top-level sections the masthead shows; a site with more links to all of them. */
    public static final int MASTHEAD_SECTIONS = 8;

    /**
     * A link in the section navigation.
     *
     * @param current {@code page} on the section's own front, {@code true} inside it (a
     *     subsection, a story), else null: the value of {@code aria-current}
     */
    public record NavLink(String name, String url, @Nullable String current) {

        public NavLink(String name, String url) {
            this(name, url, null);
        }
    }
}
