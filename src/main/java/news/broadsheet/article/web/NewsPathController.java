package news.broadsheet.article.web;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.ArticlePageContribution;
import news.broadsheet.article.ArticlePageContributor;
import news.broadsheet.article.ArticlePageRequest;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.ArticleView;
import news.broadsheet.article.Articles;
import news.broadsheet.article.StoryList;
import news.broadsheet.article.TopLevelRoute;
import news.broadsheet.section.Section;
import news.broadsheet.section.SectionNotFoundException;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Serves the addresses that belong to the newsroom's own structure: section fronts
 * ({@code /world/defense}) and articles ({@code /world/defense/2026/05/31/slug}). Anything else
 * that reaches this catch-all is a friendly 404.
 */
@Controller
class NewsPathController {

    static final int STORIES_PER_PAGE = 20;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_OR_DAY = Pattern.compile("\\d{2}");

    private final Articles articles;
    private final Sections sections;
    private final StoryCards cards;
    private final ObjectProvider<ArticlePageContributor> contributors;
    private final PageHeads heads;
    private final ObjectProvider<TopLevelRoute> topLevelRoutes;

    NewsPathController(
            Articles articles,
            Sections sections,
            StoryCards cards,
            ObjectProvider<ArticlePageContributor> contributors,
            PageHeads heads,
            ObjectProvider<TopLevelRoute> topLevelRoutes) {
        this.articles = articles;
        this.sections = sections;
        this.cards = cards;
        this.contributors = contributors;
        this.heads = heads;
        this.topLevelRoutes = topLevelRoutes;
    }

    @GetMapping("/{*path}")
    ModelAndView route(
            @PathVariable String path,
            @RequestParam(required = false) @Nullable String before,
            @RequestParam Map<String, String> query,
            HttpServletRequest request) {
        String rawPath = request.getRequestURI().toLowerCase(Locale.ROOT);
        if (rawPath.contains("%2f") || rawPath.contains("%5c")) {
            // An encoded slash would give one page a second address.
            throw new SectionNotFoundException(path);
        }
        boolean trailingSlash = path.length() > 1 && path.endsWith("/");
        String trimmed = trailingSlash ? path.substring(0, path.length() - 1) : path;
        List<String> segments = Arrays.asList(trimmed.substring(1).split("/", -1));
        // Only well-formed paths go further, so no redirect below can point anywhere but this site.
        if (segments.size() > 12 || !segments.stream().allMatch(Slugs::isValid)) {
            throw new SectionNotFoundException(path);
        }
        if (trailingSlash) {
            String queryString = request.getQueryString();
            return permanentRedirect(queryString == null ? trimmed : trimmed + "?" + queryString);
        }
        int n = segments.size();
        if (n >= 5
                && YEAR.matcher(segments.get(n - 4)).matches()
                && MONTH_OR_DAY.matcher(segments.get(n - 3)).matches()
                && MONTH_OR_DAY.matcher(segments.get(n - 2)).matches()) {
            return article(path, segments.get(n - 1), query);
        }
        return section(String.join("/", segments), before);
    }

    private ModelAndView article(String path, String slug, Map<String, String> query) {
        ArticleView article = articles.liveBySlug(slug).orElse(null);
        if (article == null) {
            ArticleSummary moved =
                    articles.liveByRetiredSlug(slug).orElseThrow(() -> new ArticleNotFoundException(path));
            return permanentRedirect(moved.url());
        }
        if (!article.url().equals(path)) {
            // Right story, outdated address (section moved, date typed wrong): send readers to the one URL.
            return permanentRedirect(article.url());
        }
        ArticleSummary summary = article.summary();
        StoryCards.tagShown(summary);
        article.trail().forEach(s -> CacheTags.tag(CacheTags.section(s.id())));
        article.tags().forEach(t -> CacheTags.tag(CacheTags.tag(t.id())));
        List<Content> bylineExtras = new ArrayList<>();
        List<Content> afterBody = new ArrayList<>();
        Map<String, Object> structuredData = new LinkedHashMap<>();
        ArticlePageRequest request = new ArticlePageRequest(article, Map.copyOf(query));
        contributors.orderedStream().forEach(contributor -> {
            ArticlePageContribution contribution = contributor.contribute(request);
            addIfPresent(bylineExtras, contribution.byline());
            addIfPresent(afterBody, contribution.afterBody());
            contribution.structuredData().forEach(structuredData::putIfAbsent);
        });
        LeadImage image = cards.image(summary);
        ArticlePage page = new ArticlePage(
                summary.headline(),
                summary.standfirst(),
                article.trail().stream().map(s -> new Crumb(s.name(), s.url())).toList(),
                cards.authors(summary.authors()),
                cards.time(summary.publishedAt()),
                article.wasUpdated() ? cards.time(summary.updatedAt()) : null,
                image,
                article.bodyHtml(),
                article.tags().stream().map(t -> new Crumb(t.name(), t.url())).toList(),
                article.corrections().stream()
                        .map(c -> new ArticlePage.Note(c.label(), c.text(), cards.time(c.publishedAt())))
                        .toList(),
                bylineExtras,
                afterBody);
        return new ModelAndView(
                "article/show",
                Map.of(
                        "page",
                        page,
                        "title",
                        cards.title(article.pageTitle()),
                        "description",
                        article.pageDescription(),
                        "head",
                        heads.article(article, image, article.trail(), structuredData)));
    }

    private ModelAndView section(String sectionPath, @Nullable String before) {
        Section section = sections.byPath(sectionPath).orElse(null);
        if (section == null && !sectionPath.contains("/")) {
            // A live section always wins; then static pages (which may never take a section's slug).
            ModelAndView other = topLevelRoutes
                    .orderedStream()
                    .map(route -> route.route(sectionPath))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(null);
            if (other != null) {
                return other;
            }
        }
        if (section == null) {
            Section moved =
                    sections.byRetiredPath(sectionPath).orElseThrow(() -> new SectionNotFoundException(sectionPath));
            return permanentRedirect(before == null ? moved.url() : moved.url() + "?before=" + before);
        }
        StoryList list = articles.latest(section, StoryCursors.parse(before), STORIES_PER_PAGE);
        List<Section> sectionTrail = sections.trail(section);
        sections.subtreeIds(section).forEach(id -> CacheTags.tag(CacheTags.sectionStories(id)));
        sectionTrail.forEach(s -> CacheTags.tag(CacheTags.section(s.id())));
        List<Crumb> trail =
                sectionTrail.stream().map(s -> new Crumb(s.name(), s.url())).toList();
        StoryListPage page = new StoryListPage(
                cards.title(section.name()),
                "Section",
                trail,
                section.name(),
                section.description(),
                !section.description().isBlank() && before == null
                        ? section.description()
                        : cards.description("The latest " + section.name() + " stories", before),
                cards.cards(list),
                StoryCards.olderUrl(section.url(), list),
                before == null ? null : section.url(),
                sections.children(section).stream()
                        .map(s -> new Crumb(s.name(), s.url()))
                        .toList());
        return new ModelAndView(
                "article/listing", Map.of("page", page, "head", heads.section(section, sectionTrail, before)));
    }

    private static void addIfPresent(List<Content> contents, @Nullable Content content) {
        if (content != null) {
            contents.add(content);
        }
    }

    private static ModelAndView permanentRedirect(String url) {
        RedirectView redirect = new RedirectView(Objects.requireNonNull(url));
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        redirect.setExpandUriTemplateVariables(false);
        return new ModelAndView(redirect);
    }
}
