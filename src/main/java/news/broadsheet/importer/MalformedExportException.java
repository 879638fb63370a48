package news.broadsheet.importer;

/** The file is not a readable WordPress export; the message says where and why. */
public class MalformedExportException extends RuntimeException {

    private final int line;
    private final int column;

    public MalformedExportException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** 1-based; 0 when the position is unknown. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
