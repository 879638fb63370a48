package news.broadsheet.site.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import news.broadsheet.page.Pages;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.site.PageChrome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Puts the page chrome into every controller's model, so templates never look anything up. */
@ControllerAdvice
class PageChromeAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageChromeAdvice.class);
    private static final String SCRIPT = "/assets/js/site.js";
    private static final String STYLESHEET = "/assets/css/site.css";
    private static final String ICON = "/assets/img/icon.svg";

    private final Sections sections;
    private final SiteSettings site;
    private final ResourceUrlProvider resourceUrls;
    private final Clock clock;
    private final Pages pages;

    PageChromeAdvice(Sections sections, SiteSettings site, ResourceUrlProvider resourceUrls, Clock clock, Pages pages) {
        this.sections = sections;
        this.pages = pages;
        this.site = site;
        this.resourceUrls = resourceUrls;
        this.clock = clock;
    }

    @ModelAttribute("chrome")
    PageChrome chrome(HttpServletRequest request) {
        List<Section> topLevel = topLevel();
        String path = request.getRequestURI();
        return new PageChrome(
                site.name(),
                topLevel.stream()
                        .limit(PageChrome.MASTHEAD_SECTIONS)
                        .map(s -> new PageChrome.NavLink(s.name(), s.url(), current(s.url(), path)))
                        .toList(),
                topLevel.size() > PageChrome.MASTHEAD_SECTIONS,
                hashed(STYLESHEET),
                hashed(ICON),
                hashed(SCRIPT),
                clock.instant().atZone(site.timeZone()).getYear(),
                footerPages());
    }

    private List<PageChrome.NavLink> footerPages() {
        try {
            return pages.footer().stream()
                    .map(p -> new PageChrome.NavLink(p.title(), p.url()))
                    .toList();
        } catch (RuntimeException e) {
            log.warn("Footer pages unavailable: {}", e.toString());
            return List.of();
        }
    }

    /** {@code aria-current} for a section's link: its own front, or a page inside it. */
    static @Nullable String current(String sectionUrl, String path) {
        if (path.equals(sectionUrl)) {
            return "page";
        }
        return path.startsWith(sectionUrl + "/") ? "true" : null;
    }

    private List<Section> topLevel() {
        try {
            return sections.topLevel();
        } catch (RuntimeException e) {
            // The error page must still render when the database is what failed.
            log.warn("Section navigation unavailable: {}", e.toString());
            return List.of();
        }
    }

    private String hashed(String asset) {
        String url = resourceUrls.getForLookupPath(asset);
        return url != null ? url : asset;
    }
}
