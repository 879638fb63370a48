package news.broadsheet.page.web;

import news.broadsheet.shared.DisplayTime;

/** A static page as readers see it; {@code bodyHtml} is sanitised. */
public record PublicPage(String title, String bodyHtml, DisplayTime updatedAt) {}
