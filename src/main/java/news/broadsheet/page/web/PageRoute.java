package news.broadsheet.page.web;

import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.TopLevelRoute;
import news.broadsheet.page.PageView;
import news.broadsheet.page.Pages;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.FeedLinks;
import news.broadsheet.shared.PageHead;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.shared.Text;
import org.jsoup.Jsoup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Serves live pages at {@code /<slug>} (asked only when no section lives there) and 301s from their old slugs. */
@Component
class PageRoute implements TopLevelRoute {

    private final Pages pages;
    private final SiteSettings site;

    PageRoute(Pages pages, SiteSettings site) {
        this.pages = pages;
        this.site = site;
    }

    @Override
    public Optional<ModelAndView> route(String slug) {
        PageView page = pages.liveBySlug(slug).orElse(null);
        if (page == null) {
            return pages.liveByRetiredSlug(slug).map(moved -> {
                RedirectView redirect = new RedirectView(moved.url());
                redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
                redirect.setExposeModelAttributes(false);
                redirect.setExpandUriTemplateVariables(false);
                return new ModelAndView(redirect);
            });
        }
        CacheTags.tag(CacheTags.page(page.id()));
        String description = page.description().isBlank()
                ? Text.excerpt(Jsoup.parse(page.bodyHtml()).text(), 160)
                : page.description();
        Map<String, Object> model = new java.util.HashMap<>();
        model.put(
                "page",
                new PublicPage(page.title(), page.bodyHtml(), DisplayTime.of(page.updatedAt(), site.timeZone())));
        model.put("title", page.title() + " | " + site.name());
        if (!description.isEmpty()) {
            model.put("description", description);
        }
        model.put("head", PageHead.website(site.absolute(page.url()), FeedLinks.site(site.name())));
        return Optional.of(new ModelAndView("page/show", model));
    }
}
