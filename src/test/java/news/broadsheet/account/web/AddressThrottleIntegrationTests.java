package news.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.support.Burst;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One client guessing across many usernames is locked out too, and only that client. */
@IntegrationTest(properties = "broadsheet.sign-in.address-limit=4")
class AddressThrottleIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    TestDatabaseQueries database;

    @Test
    void locksOutOneAddressTryingManyUsernames() {
        for (int i = 0; i < 4; i++) {
            assertThat(AccountSecurityIntegrationTests.attempt(http.browser(), Newsroom.unique("user"), "guess")
                            .location())
                    .startsWith("/login?error");
        }

        assertThat(AccountSecurityIntegrationTests.attempt(http.browser(), Newsroom.unique("fresh"), "guess")
                        .location())
                .startsWith("/login?throttled=");
    }

    @Test
    void checksNoMoreAttemptsOfAParallelBurstAcrossUsernamesThanTheLimit() throws Exception {
        List<String> usernames = new ArrayList<>();
        List<Supplier<Http.Response>> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String username = Newsroom.unique("burst");
            usernames.add(username);
            burst.add(AccountSecurityIntegrationTests.prepared(http.browserAt("127.0.0.4"), username, "guess"));
        }

        List<String> answers =
                Burst.of(burst).stream().map(Http.Response::location).toList();

        assertThat(answers).filteredOn(a -> a.startsWith("/login?error")).hasSize(4);
        assertThat(answers).filteredOn(a -> a.startsWith("/login?throttled=")).hasSize(8);
        int checked = 0;
        for (String username : usernames) {
            checked += database.jdbc()
                    .sql("SELECT COUNT(*) FROM audit_event WHERE actor_name = ? AND action = 'account.sign-in-failed'")
                    .param(username)
                    .query(Integer.class)
                    .single();
        }
        assertThat(checked).as("attempts whose password was checked").isEqualTo(4);

        Account reporter = newsroom.staff(Role.REPORTER);
        assertThat(StaffClient.signIn(http.browserAt("127.0.0.5"), reporter.username(), Newsroom.PASSWORD))
                .as("another client is not locked out")
                .isNotNull();
    }
}
