package news.broadsheet.demo.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.demo.DemoNewsroomRemoval;
import news.broadsheet.demo.DemoNewsroomRemoval.DemoInventory;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/demo}: shows what the demo newsroom consists of and removes it in one action (admins only). */
@Controller
class DemoAdminController {

    private final DemoNewsroomRemoval removal;
    private final SiteSettings site;

    DemoAdminController(DemoNewsroomRemoval removal, SiteSettings site) {
        this.removal = removal;
        this.site = site;
    }

    @GetMapping("/admin/demo")
    @Nullable
    String show(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) @Nullable String done,
            HttpServletResponse response,
            Model model)
            throws IOException {
        return page(removal.inventory(), "removed".equals(done) ? "The demo newsroom has been removed." : null, model);
    }

    @PostMapping("/admin/demo/remove")
    @Nullable
    String remove(@AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response, Model model)
            throws IOException {
        DemoInventory inventory = removal.inventory();
        if (!inventory.present()) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(
                    inventory,
                    inventory.removedAt() != null
                            ? "The demo newsroom has already been removed."
                            : "There is no demo content to remove.",
                    model);
        }
        var unused = removal.remove(staff.actor());
        return "redirect:/admin/demo?done=removed";
    }

    private String page(DemoInventory inventory, @Nullable String notice, Model model) {
        model.addAttribute(
                "page",
                new DemoAdminPage(
                        inventory.present(),
                        inventory.removedAt() == null ? null : DisplayTime.of(inventory.removedAt(), site.timeZone()),
                        inventory.removedBy(),
                        inventory.removalSummary(),
                        inventory.stories(),
                        inventory.comments(),
                        inventory.sections(),
                        inventory.authors(),
                        inventory.tags(),
                        inventory.pages(),
                        "/admin/demo/remove",
                        notice));
        return "admin/demo";
    }
}
