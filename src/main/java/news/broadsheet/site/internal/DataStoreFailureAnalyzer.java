package news.broadsheet.site.internal;

import news.broadsheet.site.DataStoreUnusableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable data directory or database into Spring Boot's short "failed to start" report. */
class DataStoreFailureAnalyzer extends AbstractFailureAnalyzer<DataStoreUnusableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataStoreUnusableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
