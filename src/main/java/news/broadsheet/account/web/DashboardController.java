package news.broadsheet.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff landing page after signing in. */
@Controller
class DashboardController {

    @GetMapping("/admin")
    String dashboard() {
        return "admin/dashboard";
    }
}
