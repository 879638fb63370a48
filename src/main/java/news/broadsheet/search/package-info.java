/**
 * Site search with Apache Lucene. Owns the {@code search_article_change} table and this node's
 * index under {@code <data-dir>/search-index}; Lucene types never leave this module.
 *
 * <p>Exposes {@link news.broadsheet.search.SiteSearch} (search with facets, filters, sorting and
 * highlighted snippets; related stories; index status and rebuild) with its records {@link
 * news.broadsheet.search.SearchRequest}, {@link news.broadsheet.search.SearchResults}, {@link
 * news.broadsheet.search.SearchHit}, {@link news.broadsheet.search.Facet} and {@link
 * news.broadsheet.search.FacetValue}; the public JSON API calls it for {@code /api/v1/search}.
 * Invalid queries and filters raise {@link news.broadsheet.search.InvalidSearchException} with a
 * message for readers.
 *
 * <p>Listens to {@link news.broadsheet.article.ArticleChanged}: each change is written to the
 * change log in its own transaction, and every node's indexer thread applies the log to its index
 * (woken after local commits, polling every {@code broadsheet.search.poll-interval} for changes made
 * on other nodes). Visibility times (publication, embargo, expiry) are indexed and compared with
 * the clock at query time, and every hit is checked against the database before it is shown.
 * Related stories are kept per article on each node and dropped by its indexer when a story they
 * list (or the story itself) changes; a new similar story joins within {@code
 * broadsheet.search.related-max-age}, so article pages rarely query the index.
 * Section and author names are looked up when shown, so renames need no re-indexing (each node holds
 * both lists in memory and drops them when the change log says either changed); tags are not
 * indexed. Publishes {@link news.broadsheet.search.SearchIndexRebuildRequested} (audited).
 *
 * <p>Editors' synonyms and pinned results ({@link news.broadsheet.search.SearchTerms}; tables
 * {@code search_synonym} and {@code search_pin}) are read by every search, so they apply at once on
 * every node without a rebuild; changes publish {@link news.broadsheet.search.SearchTermsChanged}
 * (audited). Suggestions as a reader types come from the index (headlines) and the section,
 * author and tag lists ({@link news.broadsheet.search.SiteSearch#suggest}). With {@code
 * broadsheet.search.snapshot-dir} set, nodes keep a copy of their index on shared storage, and a
 * node without an index starts from it and catches up from the change log.
 *
 * <p>Pages: {@code /search} for readers, {@code /search/suggest} (JSON for the search boxes'
 * script), {@code /admin/search/terms} (editors), {@code /admin/search} (admins) to see the index and
 * rebuild it, related stories on article pages. {@code --rebuild-search-index} on the command line
 * (or {@code broadsheet.search.rebuild-and-exit=true}) rebuilds the index and stops.
 */
@NullMarked
package news.broadsheet.search;

import org.jspecify.annotations.NullMarked;
