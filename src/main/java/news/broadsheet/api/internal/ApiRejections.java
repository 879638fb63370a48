package news.broadsheet.api.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests under {@code /api} that are refused before any controller sees them (by the security
 * firewall, or by Tomcat, which sends them to the error page) are answered as problem details too;
 * everywhere else the site's error page answers as before.
 */
@Configuration(proxyBeanMethods = false)
class ApiRejections {

    static boolean underApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Spring Security uses the one {@link RequestRejectedHandler} bean for its firewall. */
    @Bean
    RequestRejectedHandler apiRequestRejectedHandler(ApiProblems problems) {
        // Spring Security's default: 400 by sendError, so the site's error page answers.
        RequestRejectedHandler site = new HttpStatusRequestRejectedHandler();
        return (request, response, e) -> {
            if (!underApi(request.getRequestURI())) {
                site.handle(request, response, e);
                return;
            }
            problems.write(request, response, 400, "The address is not valid: " + reason(e));
        };
    }

    private static String reason(RequestRejectedException e) {
        String message = String.valueOf(e.getMessage());
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /** Runs first on the error dispatch, before the site's error page controller. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiErrorPages(ApiProblems problems) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = requestedPath(request);
                if (path == null || !underApi(path)) {
                    chain.doFilter(request, response);
                    return;
                }
                Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
                HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
                if (status == null || !status.isError()) {
                    status = HttpStatus.INTERNAL_SERVER_ERROR;
                }
                problems.write(
                        new OriginalUri(request, path),
                        response,
                        status.value(),
                        status.is4xxClientError()
                                ? "The request is not valid: " + status.getReasonPhrase() + "."
                                : "Something went wrong on our side; please try again later.");
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * The address the client asked for: the error dispatch names it, except when Tomcat refused the
     * address itself (an undecodable one), where only the original request, under the dispatch's
     * wrappers, still holds it.
     */
    private static @Nullable String requestedPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !path.isEmpty()) {
            return path;
        }
        ServletRequest original = request;
        while (original instanceof ServletRequestWrapper wrapper) {
            original = wrapper.getRequest();
        }
        return original instanceof HttpServletRequest http ? http.getRequestURI() : null;
    }

    /** The error dispatch's request, naming the address the client asked for as the problem's instance. */
    private static final class OriginalUri extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final String uri;

        OriginalUri(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }
    }
}
