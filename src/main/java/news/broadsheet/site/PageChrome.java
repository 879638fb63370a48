package news.broadsheet.site;

import java.util.List;

/**
 * What every public page shows around its content: the masthead, the section navigation, the
 * stylesheet's and the site icon's content-hashed addresses and the static pages linked from the
 * footer. Controllers receive it as the model attribute {@code chrome}.
 */
public record PageChrome(
        String siteName,
        List<NavLink> sections,
        String stylesheetUrl,
        String iconUrl,
        int year,
        List<NavLink> footerPages) {

    /** A link in the section navigation. */
    public record NavLink(String name, String url) {}
}
