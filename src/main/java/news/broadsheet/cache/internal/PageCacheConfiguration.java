package news.broadsheet.cache.internal;

import java.time.Clock;
import news.broadsheet.cache.PageCacheSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the page cache in front of every other filter: a kept response is served before security,
 * sessions or Spring MVC do any work (on Tomcat before the container's filter chain, by {@link
 * PageCacheValve}). It replays the headers those wrote when it was rendered.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    @Bean
    PageCacheFilter pageCacheFilter(
            PageCache cache,
            PageCacheSettings settings,
            ScheduledVisibility visibility,
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie,
            Clock clock) {
        return new PageCacheFilter(cache, settings, visibility, sessionCookie, clock);
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilterRegistration(PageCacheFilter filter) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** On Tomcat, hits are answered by a valve ahead of the container's filter chain. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(PageCacheFilter filter) {
        return factory -> factory.addContextValves(new PageCacheValve(filter));
    }
}
