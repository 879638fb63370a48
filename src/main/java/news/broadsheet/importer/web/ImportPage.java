package news.broadsheet.importer.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The upload form and the recent imports.
 *
 * @param problem why the last upload was refused, or null
 */
public record ImportPage(
        @Nullable String problem, boolean dryRun, boolean createAccounts, List<ImportJobView> recent) {}
