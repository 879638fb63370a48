package news.broadsheet.site.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import news.broadsheet.section.Section;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.site.PageChrome;
import news.broadsheet.site.PageChromeMemo;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Puts the page chrome into every page controller's model, so templates never look anything up. */
@ControllerAdvice
class PageChromeAdvice {

    private static final String SCRIPT = "/assets/js/site.js";
    private static final String STYLESHEET = "/assets/css/site.css";
    private static final String ICON = "/assets/img/icon.svg";

    private final PageChromeMemo memo;
    private final SiteSettings site;
    private final ResourceUrlProvider resourceUrls;
    private final Clock clock;
    private final Map<String, String> fingerprinted = new ConcurrentHashMap<>();

    PageChromeAdvice(PageChromeMemo memo, SiteSettings site, ResourceUrlProvider resourceUrls, Clock clock) {
        this.memo = memo;
        this.site = site;
        this.resourceUrls = resourceUrls;
        this.clock = clock;
    }

    /** The chrome, or null for a response body written by the handler (API, feeds, sitemaps), which never shows it. */
    @ModelAttribute("chrome")
    @Nullable
    PageChrome chrome(HttpServletRequest request) {
        if (writesItsOwnBody(request)) {
            return null;
        }
        List<Section> topLevel = memo.topLevelSections();
        // Every page with the chrome shows the top-level sections and the footer's pages.
        CacheTags.tag(CacheTags.NAVIGATION, CacheTags.FOOTER);
        topLevel.forEach(section -> CacheTags.tag(CacheTags.section(section.id())));
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
        return memo.footerPages().stream()
                .map(p -> new PageChrome.NavLink(p.title(), p.url()))
                .toList();
    }

    private static boolean writesItsOwnBody(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && (handler.hasMethodAnnotation(ResponseBody.class)
                        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
    }

    /** {@code aria-current} for a section's link: its own front, or a page inside it. */
    static @Nullable String current(String sectionUrl, String path) {
        if (path.equals(sectionUrl)) {
            return "page";
        }
        return path.startsWith(sectionUrl + "/") ? "true" : null;
    }

    /** The fingerprinted address of a static file; fixed for the life of the process, so kept once known. */
    private String hashed(String asset) {
        String known = fingerprinted.get(asset);
        if (known != null) {
            return known;
        }
        String url = resourceUrls.getForLookupPath(asset);
        if (url == null) {
            return asset; // not ready yet (start-up): the plain address works too
        }
        fingerprinted.put(asset, url);
        return url;
    }
}
