package news.broadsheet.site.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The filters' side of {@link DatabaseBusyAdvice}: a write made by a filter rather than a handler
 * (the sign-in throttle, the session store) that finds the database busy ends in 503 with {@code
 * Retry-After} too, not in a 500. Placed outside the session and security filters, after the page
 * cache.
 */
class DatabaseBusyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || !DatabaseBusyAdvice.databaseUnavailable(e)) {
                throw e;
            }
            response.resetBuffer();
            DatabaseBusyAdvice.answerBusy(e, request, response);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<DatabaseBusyFilter> databaseBusyFilter() {
            FilterRegistrationBean<DatabaseBusyFilter> registration =
                    new FilterRegistrationBean<>(new DatabaseBusyFilter());
            // Inside the page cache (HIGHEST_PRECEDENCE), outside Spring Session (HIGHEST_PRECEDENCE + 50).
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }
}
