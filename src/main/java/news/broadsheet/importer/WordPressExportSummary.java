package news.broadsheet.importer;

/** What one WordPress export wrote: counts of each kind of thing in the file. */
public record WordPressExportSummary(
        int authors, int sections, long tags, long stories, long pages, long attachments, long comments) {

    /** For people: the audit log and the command line. */
    public String describe() {
        return "%d stories, %d pages, %d images, %d comments, %d sections, %d tags, %d authors"
                .formatted(stories, pages, attachments, comments, sections, tags, authors);
    }
}
