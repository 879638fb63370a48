package news.broadsheet.article.web;

import java.util.ArrayList;
import java.util.List;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.article.StoryList;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page. */
@Controller
class HomeController {

    static final int STORIES_PER_SECTION = 4;

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
        StoryList newest = articles.latest(null, null, 1);
        ArticleSummary lead =
                newest.stories().isEmpty() ? null : newest.stories().getFirst();
        List<HomePage.SectionFront> fronts = new ArrayList<>();
        for (Section section : sections.topLevel()) {
            // One extra, so the section keeps four stories when the lead is among them.
            List<StoryCard> stories = articles.latest(section, null, STORIES_PER_SECTION + 1).stories().stream()
                    .filter(story -> lead == null || story.id() != lead.id())
                    .limit(STORIES_PER_SECTION)
                    .map(cards::card)
                    .toList();
            if (!stories.isEmpty()) {
                fronts.add(new HomePage.SectionFront(new Crumb(section.name(), section.url()), stories));
            }
        }
        model.addAttribute("page", new HomePage(lead == null ? null : cards.card(lead), fronts));
        model.addAttribute("head", heads.home());
        return "article/home";
    }
}
