package news.broadsheet.importer;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How to import.
 *
 * @param mediaDir a local copy of the site's {@code wp-content/uploads}, or null to import no files
 * @param dryRun read and report without writing anything
 * @param createAccounts also make a disabled reporter account for each author, to invite later
 */
public record ImportOptions(@Nullable Path mediaDir, boolean dryRun, boolean createAccounts) {}
