package news.broadsheet.author;

import news.broadsheet.shared.Actor;

/**
 * One byline was merged into another. Published in the merge's transaction, so the features that
 * keep bylines (stories) move them to the survivor in the same commit.
 */
public record AuthorsMerged(Actor actor, long mergedId, long survivorId) {}
