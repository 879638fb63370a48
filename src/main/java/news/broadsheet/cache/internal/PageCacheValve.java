package news.broadsheet.cache.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Answers page cache hits in Tomcat's request pipeline, before the servlet container builds the
 * filter chain: a hit then skips the container's own work (filter chain, wrappers, the request's
 * attributes) as well as the application's. Misses, stale copies and everything the cache does not
 * keep go on to {@link PageCacheFilter}, which renders and keeps them.
 */
final class PageCacheValve extends ValveBase {

    private final PageCacheFilter filter;

    PageCacheValve(PageCacheFilter filter) {
        super(true);
        this.filter = filter;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!filter.serveIfFresh(request, response)) {
            getNext().invoke(request, response);
        }
    }
}
