package news.broadsheet.article.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.site.PageChrome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page. */
@Controller
class HomeController {

    static final int STORIES_PER_SECTION = 4;

    /** The stories beside the lead on wide screens, below it on phones. */
    static final int TOP_STORIES = 4;

    /** Top-level sections whose stories one statement reads. */
    static final int SECTIONS_PER_QUERY = 32;

    private final Articles articles;
    private final Sections sections;
    private final StoryCards cards;
    private final PageHeads heads;

    HomeController(Articles articles, Sections sections, StoryCards cards, PageHeads heads) {
        this.articles = articles;
        this.sections = sections;
        this.cards = cards;
        this.heads = heads;
    }

    @GetMapping("/")
    String home(Model model) {
        // New stories anywhere, and stories moving between sections, change the front page.
        CacheTags.tag(CacheTags.ALL_STORIES);
        sections.all().forEach(section -> CacheTags.tag(CacheTags.sectionStories(section.id())));
        List<ArticleSummary> newest =
                articles.latest(null, null, 1 + TOP_STORIES).stories();
        Set<Long> shown = new HashSet<>();
        newest.forEach(story -> shown.add(story.id()));
        // The first eight top-level sections with stories get a front. One statement reads a batch of
        // sections (a few extra stories each, so a section keeps its four when the top stories are
        // among them); a further batch is read only while fronts are missing, so a site with
        // hundreds of empty sections stays within SQLite's limit on UNION ALL arms.
        Map<Section, List<ArticleSummary>> frontStories = new LinkedHashMap<>();
        List<ArticleSummary> everyStory = new ArrayList<>(newest);
        List<Section> topLevel = sections.topLevel();
        for (int from = 0;
                from < topLevel.size() && frontStories.size() < PageChrome.MASTHEAD_SECTIONS;
                from += SECTIONS_PER_QUERY) {
            List<Section> batch = topLevel.subList(from, Math.min(topLevel.size(), from + SECTIONS_PER_QUERY));
            articles.latestInEach(batch, STORIES_PER_SECTION + 1 + TOP_STORIES).forEach((section, stories) -> {
                List<ArticleSummary> kept = stories.stream()
                        .filter(story -> !shown.contains(story.id()))
                        .limit(STORIES_PER_SECTION)
                        .toList();
                if (!kept.isEmpty() && frontStories.size() < PageChrome.MASTHEAD_SECTIONS) {
                    frontStories.put(section, kept);
                    everyStory.addAll(kept);
                }
            });
        }
        // Every card's lead image in one query.
        List<StoryCard> allCards = cards.cards(everyStory);
        List<StoryCard> top = allCards.subList(0, newest.size());
        List<HomePage.SectionFront> fronts = new ArrayList<>();
        int next = newest.size();
        for (Map.Entry<Section, List<ArticleSummary>> front : frontStories.entrySet()) {
            int size = front.getValue().size();
            fronts.add(new HomePage.SectionFront(
                    new Crumb(front.getKey().name(), front.getKey().url()), allCards.subList(next, next + size)));
            next += size;
        }
        model.addAttribute(
                "page",
                new HomePage(
                        top.isEmpty() ? null : top.getFirst(),
                        top.isEmpty() ? List.of() : top.subList(1, top.size()),
                        fronts));
        model.addAttribute("head", heads.home());
        return "article/home";
    }
}
