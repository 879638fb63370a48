package news.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A site with hundreds of top-level sections (a WordPress import brings its categories) renders a
 * masthead longer than the response buffer; the staff pages still make their CSRF token and
 * session in time. A context of its own, so the long masthead stays out of other tests.
 */
@IntegrationTest(properties = "broadsheet.test.context=long-masthead")
class LongMastheadSignInIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Test
    void signInAndForgotPasswordPagesRenderWithTheirTokenBehindALongMasthead() {
        for (int i = 0; i < 300; i++) {
            newsroom.section("Category with a long enough name number " + i);
        }

        for (String path : new String[] {"/login", "/login/forgot"}) {
            Http.Response page = http.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.page().select("input[name=_csrf]").attr("value"))
                    .as(path)
                    .isNotBlank();
        }
    }
}
