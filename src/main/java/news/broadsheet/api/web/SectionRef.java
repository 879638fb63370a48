package news.broadsheet.api.web;

/** A section as a story names it. */
public record SectionRef(long id, String slug, String name, String path, String url) {}
