package news.broadsheet.site.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on {@code @Scheduled} work (the publication scheduler, the mail outbox); command-line
 * tools turn it off with {@code broadsheet.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "broadsheet.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {}
