package news.broadsheet.article;

/** A tag on at least one live story, with how many live stories carry it. */
public record LiveTag(Tag tag, int stories) {}
