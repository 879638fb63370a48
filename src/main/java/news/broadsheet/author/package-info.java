/**
 * Authors: the people named in bylines, each with a public page. Owns the {@code author} table;
 * exposes {@link news.broadsheet.author.Authors} and the {@link news.broadsheet.author.Author} read
 * model. (Newsroom accounts arrive in their own module and may claim an author.)
 */
@NullMarked
package news.broadsheet.author;

import org.jspecify.annotations.NullMarked;
