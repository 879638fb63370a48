package news.broadsheet.account.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.account.AdminChrome;
import news.broadsheet.account.NavigationBadgeProvider;
import news.broadsheet.account.Role;
import news.broadsheet.account.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the admin chrome and the CSRF token into the model of staff pages. */
@ControllerAdvice
class AdminChromeAdvice {

    private final List<NavigationBadgeProvider> badges;

    AdminChromeAdvice(List<NavigationBadgeProvider> badges) {
        this.badges = badges;
    }

    @ModelAttribute("admin")
    @Nullable
    AdminChrome admin(@AuthenticationPrincipal @Nullable StaffPrincipal staff, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (staff == null || csrf == null || !request.getRequestURI().startsWith("/admin")) {
            return null;
        }
        List<AdminChrome.Link> links = navigation(staff).stream()
                .map(link -> badges.stream()
                        .flatMap(provider -> provider.badgeFor(link.url()).stream())
                        .findFirst()
                        .map(badge -> new AdminChrome.Link(link.name(), link.url(), badge))
                        .orElse(link))
                .toList();
        return new AdminChrome(staff.displayName(), staff.role().label(), links, csrf);
    }

    @ModelAttribute("csrf")
    @Nullable
    CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    private static List<AdminChrome.Link> navigation(StaffPrincipal staff) {
        List<AdminChrome.Link> links = new ArrayList<>();
        if (staff.hasRole(Role.ADMIN, Role.EDITOR, Role.REPORTER)) {
            links.add(new AdminChrome.Link("Stories", "/admin/articles"));
        }
        if (staff.hasRole(Role.ADMIN, Role.EDITOR)) {
            links.add(new AdminChrome.Link("Sections", "/admin/sections"));
            links.add(new AdminChrome.Link("Tags", "/admin/tags"));
            links.add(new AdminChrome.Link("Authors", "/admin/authors"));
            links.add(new AdminChrome.Link("Pages", "/admin/pages"));
            // The search module's synonyms and pinned results.
            links.add(new AdminChrome.Link("Search terms", "/admin/search/terms"));
        }
        if (staff.hasRole(Role.ADMIN, Role.EDITOR, Role.MODERATOR)) {
            links.add(new AdminChrome.Link("Comments", "/admin/comments"));
        }
        if (staff.hasRole(Role.ADMIN)) {
            links.add(new AdminChrome.Link("Users", "/admin/users"));
            links.add(new AdminChrome.Link("Audit log", "/admin/audit"));
            links.add(new AdminChrome.Link("Search index", "/admin/search"));
            // The demo module's page: what the demo newsroom is, and removing it.
            links.add(new AdminChrome.Link("Demo content", "/admin/demo"));
            // The importer module: WordPress import (upload, progress, report) and export (a download).
            links.add(new AdminChrome.Link("WordPress import", "/admin/import"));
            links.add(new AdminChrome.Link("WordPress export", "/admin/export"));
            // The backup module: writes a backup of the running site, lists the finished ones.
            links.add(new AdminChrome.Link("Backups", "/admin/backup"));
        }
        links.add(new AdminChrome.Link("My profile", "/admin/profile"));
        // The api module's personal access tokens, for every signed-in user.
        links.add(new AdminChrome.Link("API tokens", "/admin/tokens"));
        return links;
    }
}
