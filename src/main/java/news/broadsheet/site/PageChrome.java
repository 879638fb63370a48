package news.broadsheet.site;

import java.util.List;

/**
 * What every public page shows around its content: the masthead, the section navigation and the
 * stylesheet's content-hashed address. Controllers receive it as the model attribute {@code chrome}.
 */
public record PageChrome(String siteName, List<NavLink> sections, String stylesheetUrl, int year) {

    /** A link in the section navigation. */
    public record NavLink(String name, String url) {}
}
