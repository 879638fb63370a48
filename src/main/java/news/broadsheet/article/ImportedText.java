package news.broadsheet.article;

/**
 * The text a later export of the same site carries for a story an earlier import stored: what an
 * import brings up to date when no one has edited the story here.
 *
 * @param id the story an earlier import stored
 * @param headline the export's headline
 * @param standfirst the export's standfirst
 * @param bodyMarkdown the export's body, converted as an import converts it
 */
public record ImportedText(long id, String headline, String standfirst, String bodyMarkdown) {}
