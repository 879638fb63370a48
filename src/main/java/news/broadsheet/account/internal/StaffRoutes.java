package news.broadsheet.account.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import news.broadsheet.account.Role;

/**
 * Who may use each newsroom route: the one table the staff security chain is built from. A route
 * under {@code /admin} that no rule names is refused to everyone, and the route-matrix test fails
 * the build for a handler this table does not name. Rules about one story or comment (a reporter may
 * not publish, sees only their own stories) are the features' own, checked where the action happens.
 */
public final class StaffRoutes {

    /** Who a rule lets in. */
    public enum Audience {
        /** Anyone, signed in or not: signing in and out, and asking for a password link. */
        EVERYONE(EnumSet.allOf(Role.class)),
        /** Any signed-in staff member, whatever their role. */
        STAFF(EnumSet.allOf(Role.class)),
        /** Admins only. */
        ADMINS(EnumSet.of(Role.ADMIN)),
        /** Editors and admins. */
        EDITORS(EnumSet.of(Role.ADMIN, Role.EDITOR)),
        /** Those who write stories: reporters, editors and admins. */
        WRITERS(EnumSet.of(Role.ADMIN, Role.EDITOR, Role.REPORTER)),
        /** The comment desk: moderators, editors and admins. */
        MODERATORS(EnumSet.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR));

        private final Set<Role> roles;

        Audience(Set<Role> roles) {
            this.roles = roles;
        }

        /** Whether a signed-in user with this role is let in. */
        public boolean admits(Role role) {
            return roles.contains(role);
        }

        String[] roleNames() {
            return roles.stream().map(Role::name).toArray(String[]::new);
        }
    }

    /** One row of the table: these path patterns (any method) are for this audience. */
    public record Rule(Audience audience, List<String> patterns) {}

    /** The table, first match wins; every pattern is under the staff chain's paths. */
    public static final List<Rule> RULES = List.of(
            new Rule(Audience.EVERYONE, List.of("/login", "/login/**", "/logout")),
            new Rule(
                    Audience.ADMINS,
                    List.of(
                            "/admin/users",
                            "/admin/users/**",
                            "/admin/audit",
                            "/admin/audit/**",
                            "/admin/demo",
                            "/admin/demo/**",
                            "/admin/backup",
                            "/admin/backup/**",
                            "/admin/import",
                            "/admin/import/**",
                            "/admin/export",
                            "/admin/search",
                            "/admin/search/rebuild")),
            new Rule(
                    Audience.EDITORS,
                    List.of(
                            "/admin/sections",
                            "/admin/sections/**",
                            "/admin/tags",
                            "/admin/tags/**",
                            "/admin/pages",
                            "/admin/pages/**",
                            "/admin/authors",
                            "/admin/authors/**",
                            "/admin/search/terms",
                            "/admin/search/terms/**")),
            new Rule(Audience.WRITERS, List.of("/admin/articles", "/admin/articles/**")),
            new Rule(Audience.MODERATORS, List.of("/admin/comments", "/admin/comments/**")),
            new Rule(
                    Audience.STAFF,
                    List.of(
                            "/admin",
                            "/admin/profile",
                            "/admin/profile/**",
                            "/admin/account/password",
                            "/admin/tokens",
                            "/admin/tokens/**")));

    private StaffRoutes() {}
}
