package news.broadsheet.article.web;

import java.time.Instant;
import java.util.List;
import news.broadsheet.article.Articles;
import news.broadsheet.article.CorrectionNotice;
import news.broadsheet.shared.CacheTags;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /corrections}: every correction and update the newsroom has published, newest first. */
@Controller
class CorrectionsController {

    static final int PAGE_SIZE = 30;

    private final Articles articles;
    private final StoryCards cards;

    CorrectionsController(Articles articles, StoryCards cards) {
        this.articles = articles;
        this.cards = cards;
    }

    @GetMapping("/corrections")
    String corrections(@RequestParam(defaultValue = "") String before, Model model) {
        Instant cursor = before.matches("\\d{1,15}") ? Instant.ofEpochMilli(Long.parseLong(before)) : null;
        CacheTags.tag(CacheTags.CORRECTIONS, CacheTags.ALL_STORIES);
        List<CorrectionNotice> notices = articles.recentCorrections(cursor, PAGE_SIZE + 1);
        boolean more = notices.size() > PAGE_SIZE;
        List<CorrectionNotice> shown = more ? notices.subList(0, PAGE_SIZE) : notices;
        List<CorrectionsPage.Entry> entries = shown.stream()
                .map(n -> new CorrectionsPage.Entry(
                        n.correction().label(),
                        n.correction().text(),
                        cards.time(n.correction().publishedAt()),
                        n.story().headline(),
                        n.story().url()))
                .toList();
        String older = more
                ? "/corrections?before="
                        + shown.getLast().correction().publishedAt().toEpochMilli()
                : null;
        model.addAttribute("page", new CorrectionsPage(entries, older));
        model.addAttribute("title", cards.title("Corrections and updates"));
        return "article/corrections";
    }
}
