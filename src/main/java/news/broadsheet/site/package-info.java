/**
 * The site's frame: page chrome (masthead, section navigation, stylesheet), error pages, security
 * headers, static assets, the site icon ({@code /favicon.ico} and PNG sizes drawn at run time) and web
 * app manifest, and the database wiring shared by every feature. Reads {@link
 * news.broadsheet.section.Sections} for the navigation and {@link news.broadsheet.page.Pages}
 * for the footer's page links (one indexed query per page); nothing here is called by other features
 * except through templates ({@code layout/page.jte} takes a {@link news.broadsheet.site.PageChrome}).
 */
@NullMarked
package news.broadsheet.site;

import org.jspecify.annotations.NullMarked;
