package news.broadsheet.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every integration test context gets. */
@TestConfiguration(proxyBeanMethods = false)
class TestBeans {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    Newsroom newsroom(
            news.broadsheet.section.Sections sections,
            news.broadsheet.author.Authors authors,
            news.broadsheet.article.Articles articles,
            MutableClock clock,
            news.broadsheet.account.Accounts accounts) {
        return new Newsroom(sections, authors, articles, clock, accounts);
    }

    @Bean
    TestDatabaseQueries testDatabaseQueries(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return new TestDatabaseQueries(jdbc);
    }

    @Bean
    Http http(org.springframework.core.env.Environment environment) {
        return new Http(() -> Integer.parseInt(environment.getRequiredProperty("local.server.port")));
    }
}
