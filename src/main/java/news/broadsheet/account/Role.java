package news.broadsheet.account;

import java.util.Locale;

/** What a newsroom account may do; each role's powers are listed in the README's operator section. */
public enum Role {
    /** Everything, including user management and the audit log. */
    ADMIN,
    /** Edits, publishes, schedules and corrects any story; manages sections and tags; moderates. */
    EDITOR,
    /** Writes drafts and submits them for review; cannot publish. */
    REPORTER,
    /** Moderates reader comments; cannot edit stories. */
    MODERATOR;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The Spring Security authority for this role, e.g. {@code ROLE_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
