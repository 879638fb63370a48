package news.broadsheet.cache.internal;

import java.time.Clock;
import news.broadsheet.cache.PageCacheSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the page cache in front of every other filter: a kept response is served before security,
 * sessions or Spring MVC do any work. It replays the headers those wrote when it was rendered.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(
            PageCache cache,
            PageCacheSettings settings,
            ScheduledVisibility visibility,
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie,
            Clock clock) {
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, settings, visibility, sessionCookie, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
