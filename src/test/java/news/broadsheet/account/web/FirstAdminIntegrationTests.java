package news.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.StaffClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The first admin comes from settings given at the first start; there is no default password. */
@IntegrationTest(properties = {"broadsheet.admin.username=chief", "broadsheet.admin.password=first start secret"})
class FirstAdminIntegrationTests {

    @Autowired
    Http http;

    @Test
    void createsTheFirstAdminFromSettings() {
        StaffClient chief = StaffClient.signIn(http, "chief", "first start secret");

        assertThat(chief.get("/admin/users").status()).isEqualTo(200);
        assertThat(chief.get("/admin/audit").page().select("tbody tr").text()).contains("account.created");
    }
}
