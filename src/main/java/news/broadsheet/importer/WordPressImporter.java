package news.broadsheet.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import news.broadsheet.account.Accounts;
import news.broadsheet.article.Articles;
import news.broadsheet.article.EditorialDesk;
import news.broadsheet.author.Authors;
import news.broadsheet.comment.Comments;
import news.broadsheet.importer.internal.ImportLedger;
import news.broadsheet.importer.internal.ImportRun;
import news.broadsheet.importer.internal.PagePort;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export (WXR 1.0–1.2) through the other features' facades. The file is
 * checked whole before anything is written; running the same export again changes nothing.
 */
@Service
public class WordPressImporter {

    private final ImportRun.Services services;

    WordPressImporter(
            Sections sections,
            Authors authors,
            Accounts accounts,
            Articles articles,
            EditorialDesk desk,
            Comments comments,
            MediaLibrary media,
            ImportLedger ledger,
            ObjectProvider<news.broadsheet.section.TopLevelSlugClaim> claims,
            PlatformTransactionManager transactions,
            Clock clock,
            ObjectProvider<PagePort> pages) {
        this.services = new ImportRun.Services(
                sections,
                authors,
                accounts,
                articles,
                desk,
                comments,
                media,
                ledger,
                slug -> claims.orderedStream()
                        .anyMatch(claim -> claim.claimed(slug).isPresent()),
                new TransactionTemplate(transactions),
                clock,
                pages.getIfAvailable());
    }

    /**
     * Imports the file.
     *
     * @param actor who the audit log names (an admin, or the system for the command line)
     * @throws MalformedExportException when the file is not a readable export; nothing is written then
     * @throws IOException when the file cannot be read
     */
    public ImportReport importFile(Path file, ImportOptions options, Actor actor, ImportProgress progress)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such file");
        }
        return new ImportRun(services, file, options, actor, progress).run();
    }
}
