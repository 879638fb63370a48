package news.broadsheet.importer;

import java.io.OutputStream;
import news.broadsheet.importer.internal.WxrSiteExport;
import org.springframework.stereotype.Service;

/**
 * Writes the whole site (authors, sections, tags, images, stories in every status with their
 * comments) as a WordPress eXtended RSS 1.2 file that WordPress's importer, and Broadsheet's, read.
 * The command line ({@code export-wordpress OUT.xml}) and the admin download at {@code
 * /admin/export} both come here. The document is streamed: memory use does not grow with the site.
 */
@Service
public class WordPressExporter {

    private final WxrSiteExport export;

    WordPressExporter(WxrSiteExport export) {
        this.export = export;
    }

    /** Writes the document to {@code out}, which is flushed but left open. */
    public void export(OutputStream out) {
        var unused = exportWithSummary(out);
    }

    /** The same, saying how much was written. */
    public WordPressExportSummary exportWithSummary(OutputStream out) {
        return export.write(out);
    }
}
