/**
 * Authors: the bylines, each with a public page. Owns the {@code author} and {@code
 * author_retired_slug} tables, and the link from a byline to the newsroom account that writes as
 * it (so this module does not depend on accounts). Exposes {@link news.broadsheet.author.Authors}
 * and the {@link news.broadsheet.author.Author} read model; publishes {@link
 * news.broadsheet.author.AuthorChanged} (audit) and {@link news.broadsheet.author.AuthorsMerged}
 * (stories follow the survivor). The newsroom's Authors screen lives in {@code web}.
 */
@NullMarked
package news.broadsheet.author;

import org.jspecify.annotations.NullMarked;
