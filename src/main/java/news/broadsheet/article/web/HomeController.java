package news.broadsheet.article.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        List<StoryCard> top = cards.cards(newest);
        Set<Long> shown = new HashSet<>();
        newest.forEach(story -> shown.add(story.id()));
        List<HomePage.SectionFront> fronts = new ArrayList<>();
        for (Section section : sections.topLevel()) {
            if (fronts.size() == PageChrome.MASTHEAD_SECTIONS) {
                break;
            }
            // A few extra, so the section keeps its four when the top stories are among them.
            List<ArticleSummary> stories =
                    articles.latest(section, null, STORIES_PER_SECTION + 1 + TOP_STORIES).stories().stream()
                            .filter(story -> !shown.contains(story.id()))
                            .limit(STORIES_PER_SECTION)
                            .toList();
            if (!stories.isEmpty()) {
                fronts.add(new HomePage.SectionFront(new Crumb(section.name(), section.url()), cards.cards(stories)));
            }
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
