package news.broadsheet.search.internal;

import java.util.concurrent.TimeUnit;
import news.broadsheet.search.SearchIndexStatus;
import news.broadsheet.search.SearchSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar broadsheet.jar --rebuild-search-index} (or {@code
 * --broadsheet.search.rebuild-and-exit=true}): rebuilds this node's search index, then stops the
 * application with exit status 0, or 1 if the rebuild failed.
 */
@Component
class RebuildOnCommandLine implements ApplicationRunner {

    static final String OPTION = "rebuild-search-index";
    private static final Logger log = LoggerFactory.getLogger(RebuildOnCommandLine.class);

    /** How the application ends after the rebuild; tests replace it. */
    interface Exit {
        void exit(int status);
    }

    private final SearchIndex index;
    private final SearchSettings settings;
    private final Exit exit;

    @org.springframework.beans.factory.annotation.Autowired
    RebuildOnCommandLine(SearchIndex index, SearchSettings settings, ApplicationContext context) {
        this(index, settings, status -> System.exit(SpringApplication.exit(context, () -> status)));
    }

    RebuildOnCommandLine(SearchIndex index, SearchSettings settings, Exit exit) {
        this.index = index;
        this.settings = settings;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION) && !settings.rebuildAndExit()) {
            return;
        }
        int status;
        try {
            SearchIndexStatus done =
                    index.requestRebuild("asked on the command line").get(6, TimeUnit.HOURS);
            // Merged before the application ends, as the running site would have merged it.
            index.mergeToOneSegment();
            log.info(
                    "Search index rebuilt on request: {} documents in {} ms",
                    done.documents(),
                    done.lastRebuildMillis());
            System.out.println(
                    "Search index rebuilt: " + done.documents() + " documents in " + done.lastRebuildMillis() + " ms");
            status = 0;
        } catch (Exception e) {
            log.error("Search index rebuild failed: {}", e.toString());
            status = 1;
        }
        exit.exit(status);
    }
}
