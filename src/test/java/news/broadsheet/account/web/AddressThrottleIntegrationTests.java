package news.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One client guessing across many usernames is locked out too. */
@IntegrationTest(properties = "broadsheet.sign-in.address-limit=4")
class AddressThrottleIntegrationTests {

    @Autowired
    Http http;

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
}
