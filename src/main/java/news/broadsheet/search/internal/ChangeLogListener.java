package news.broadsheet.search.internal;

import news.broadsheet.article.ArticleChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes every article change to the change log in the transaction of the change (so a change
 * and its log entry commit together), and wakes this node's indexer once it has committed.
 */
@Component
class ChangeLogListener {

    private final ChangeLog log;
    private final SearchIndex index;

    ChangeLogListener(ChangeLog log, SearchIndex index) {
        this.log = log;
        this.index = index;
    }

    @EventListener
    void articleChanged(ArticleChanged event) {
        log.record(event.articleId());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    index.wake();
                }
            });
        } else {
            index.wake();
        }
    }
}
