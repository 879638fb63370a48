package news.broadsheet.importer;

/** Told how far an import has got; called on the importing thread, outside any transaction. */
public interface ImportProgress {

    /** The file is being checked before anything is written. */
    default void checking() {}

    /** The file is sound: this many items (posts, pages, attachments, ...) will be gone through. */
    default void started(long totalItems) {}

    default void advanced(long doneItems) {}

    ImportProgress NONE = new ImportProgress() {};
}
