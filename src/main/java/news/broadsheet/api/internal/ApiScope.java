package news.broadsheet.api.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import news.broadsheet.account.Role;

/**
 * What a personal access token may be used for. A token never does more than its owner's current
 * role allows: the scopes a role allows are checked again on every request.
 */
public enum ApiScope {
    /** Create and update articles, and publish them when the role may publish. */
    ARTICLES_WRITE("articles:write", "Create and update stories", EnumSet.of(Role.ADMIN, Role.EDITOR, Role.REPORTER)),
    /** Post comments as the token's staff user. */
    COMMENTS_WRITE("comments:write", "Post comments as yourself", EnumSet.allOf(Role.class)),
    /** Create and update bylines. */
    AUTHORS_WRITE("authors:write", "Create and update bylines", EnumSet.of(Role.ADMIN, Role.EDITOR)),
    /** Create sections. */
    SECTIONS_WRITE("sections:write", "Create sections", EnumSet.of(Role.ADMIN, Role.EDITOR));

    private final String value;
    private final String label;
    private final Set<Role> roles;

    ApiScope(String value, String label, Set<Role> roles) {
        this.value = value;
        this.label = label;
        this.roles = roles;
    }

    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public boolean allowedFor(Role role) {
        return roles.contains(role);
    }

    public static Optional<ApiScope> of(String value) {
        for (ApiScope scope : values()) {
            if (scope.value.equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
