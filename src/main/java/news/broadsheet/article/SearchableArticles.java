package news.broadsheet.article;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import news.broadsheet.article.internal.SearchableArticleRepository;
import org.springframework.stereotype.Service;

/** Reads articles for the search index: a few by id after changes, or all of them for a rebuild. */
@Service
public class SearchableArticles {

    private static final int BATCH = 500;

    private final SearchableArticleRepository repository;

    SearchableArticles(SearchableArticleRepository repository) {
        this.repository = repository;
    }

    /** These articles as they are now; ids of deleted articles are left out. */
    public List<SearchableArticle> byIds(Collection<Long> ids) {
        return repository.findByIds(ids);
    }

    /** Hands every published or scheduled article to the consumer, in id order, a batch at a time. */
    public long forEachReleasable(Consumer<SearchableArticle> consumer) {
        long after = 0;
        long count = 0;
        while (true) {
            List<SearchableArticle> batch = repository.findReleasableAfter(after, BATCH);
            for (SearchableArticle article : batch) {
                consumer.accept(article);
                count++;
            }
            if (batch.size() < BATCH) {
                return count;
            }
            after = batch.getLast().id();
        }
    }
}
