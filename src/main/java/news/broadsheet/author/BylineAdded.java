package news.broadsheet.author;

/**
 * A byline was created without the newsroom's checks and audit (demo content, an import, tests):
 * published by {@link Authors} in the creating transaction, for whatever keeps bylines in memory
 * and for the page cache. Bylines created in the newsroom publish the audited {@link AuthorChanged}.
 */
public record BylineAdded(long authorId) {}
