/**
 * Static pages (About, Contact, Corrections policy, Privacy, Terms) at one-segment addresses such
 * as {@code /about}, with revisions, optimistic locking and an audited editor at {@code /admin/pages}
 * (editors and admins). Owns the {@code page}, {@code page_revision} and {@code page_retired_slug}
 * tables; exposes {@link news.broadsheet.page.Pages} (read models for the footer, the sitemap and the
 * API; create and update entry points for importers) and publishes {@link
 * news.broadsheet.page.PageChanged} on every change. Routes its pages through the article module's
 * {@link news.broadsheet.article.TopLevelRoute} (a section always wins) and claims its slugs against
 * new top-level sections through {@link news.broadsheet.section.TopLevelSlugClaim}. Reuses the story
 * body's sanitising ({@link news.broadsheet.article.SafeHtml}) and revision screen.
 */
@NullMarked
package news.broadsheet.page;

import org.jspecify.annotations.NullMarked;
