package news.broadsheet.site.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.CacheTags;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every section on one page ({@code /sections}), nested as they are: the masthead shows only the
 * first few top-level sections and links here for the rest.
 */
@Controller
class SectionIndexController {

    private final Sections sections;

    SectionIndexController(Sections sections) {
        this.sections = sections;
    }

    @GetMapping("/sections")
    String index(Model model) {
        CacheTags.tag(CacheTags.DIRECTORY);
        Map<Long, List<Section>> byParent = new LinkedHashMap<>();
        List<Section> all = new ArrayList<>(sections.all());
        all.sort(Comparator.comparing(Section::name, String.CASE_INSENSITIVE_ORDER));
        for (Section section : all) {
            byParent.computeIfAbsent(section.parentId() == null ? 0L : section.parentId(), k -> new ArrayList<>())
                    .add(section);
        }
        model.addAttribute("sections", nodes(byParent, 0L));
        return "site/sections";
    }

    private static List<SectionNode> nodes(Map<Long, List<Section>> byParent, long parent) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(section -> new SectionNode(section, nodes(byParent, section.id())))
                .toList();
    }
}
