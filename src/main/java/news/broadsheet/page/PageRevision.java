package news.broadsheet.page;

import java.time.Instant;

/** A page's content as it was saved, with who saved it, when and why. */
public record PageRevision(int version, PageContent content, String savedByName, Instant savedAt, String note) {}
