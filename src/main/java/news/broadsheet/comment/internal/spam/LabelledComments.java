package news.broadsheet.comment.internal.spam;

import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Labelled comments in the layout of the UCI YouTube Spam Collection, one per CSV row with a
 * header: {@code COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS}, where CLASS is 1 for spam and 0 for a
 * reader's comment. Quoted fields may hold commas, quotes and line breaks (RFC 4180).
 */
public final class LabelledComments {

    private static final List<String> COLUMNS = List.of("COMMENT_ID", "AUTHOR", "DATE", "CONTENT", "CLASS");
    private static final CsvMapper CSV = new CsvMapper();

    private LabelledComments() {}

    /** One row. */
    public record Row(String id, String author, String date, String content, boolean spam) {

        /** @param group where the comment was written (a file, a story): see {@link SpamTrainer.Example#group()} */
        public SpamTrainer.Example example(String group) {
            return new SpamTrainer.Example(author, content, spam, group);
        }
    }

    /**
     * Every row of a file.
     *
     * @throws IllegalArgumentException naming the line, when the header or a CLASS is not as above
     */
    public static List<Row> read(Reader reader) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines =
                CSV.readerFor(Map.class).with(schema).readValues(reader)) {
            while (lines.hasNextValue()) {
                Map<String, String> line = lines.nextValue();
                if (!line.keySet().containsAll(COLUMNS)) {
                    throw new IllegalArgumentException("The header must name " + String.join(",", COLUMNS));
                }
                String label = line.get("CLASS").strip();
                if (!label.equals("0") && !label.equals("1")) {
                    throw new IllegalArgumentException(
                            "Row " + (rows.size() + 1) + ": CLASS is 0 or 1, not \"" + label + "\"");
                }
                rows.add(new Row(
                        line.get("COMMENT_ID"),
                        line.get("AUTHOR"),
                        line.get("DATE"),
                        line.get("CONTENT"),
                        label.equals("1")));
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("Not a CSV file of labelled comments: " + e.getOriginalMessage(), e);
        }
        return rows;
    }

    /** Writes the rows with the header, quoting where needed. */
    public static void write(List<Row> rows, Writer writer) {
        CsvSchema schema = CsvSchema.builder()
                .addColumn("COMMENT_ID")
                .addColumn("AUTHOR")
                .addColumn("DATE")
                .addColumn("CONTENT")
                .addColumn("CLASS")
                .build()
                .withHeader();
        List<List<String>> lines = rows.stream()
                .map(row -> List.of(row.id(), row.author(), row.date(), row.content(), row.spam() ? "1" : "0"))
                .toList();
        CSV.writer(schema).writeValue(writer, lines);
    }
}
