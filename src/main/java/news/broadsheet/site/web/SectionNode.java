package news.broadsheet.site.web;

import java.util.List;
import news.broadsheet.section.Section;

/** A section and the sections under it, for the index of all sections. */
public record SectionNode(Section section, List<SectionNode> children) {}
