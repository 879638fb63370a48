package news.broadsheet.comment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The "Leave a Comment" form as submitted. Lengths are checked by the controller, in characters as
 * a reader counts them (code points), so its messages can say how far over the limit a text is.
 */
record CommentForm(
        @NotBlank(message = "Please enter your name.") @Nullable
        String name,

        @Size(max = EMAIL_LIMIT, message = "That email address is too long.")
        @Pattern(
                regexp = "^$|^" + EMAIL_SHAPE + "$",
                message = "Please enter a valid email address, or leave the field empty.")
        @Nullable
        String email,

        @NotBlank(message = "Please write a comment.") @Nullable
        String body,

        @Nullable Long parentId,
        @Nullable String notifyReplies,
        @Nullable String website,
        @Nullable String fillMs) {

    static final int NAME_LIMIT = 80;
    /** The longest e-mail address there can be (RFC 5321's path limit less its brackets). */
    static final int EMAIL_LIMIT = 254;
    /** An e-mail address as far as a form can tell: something, an @, a domain with a dot. */
    static final String EMAIL_SHAPE = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+";

    static final int BODY_LIMIT = 5000;

    static CommentForm empty(@Nullable Long parentId) {
        return new CommentForm("", "", "", parentId, null, null, null);
    }

    /** Less time than this between the first keystroke and sending is not a person writing. */
    static final long MIN_FILL_MILLIS = 1_500;

    /**
     * What gives the sender away as a program: the field hidden from people ({@code website}) was
     * filled, or the page's script measured the form sent too soon after typing began. Without the
     * script there is no measurement, and no penalty.
     */
    @Nullable
    String botSign() {
        if (website != null && !website.isBlank()) {
            return "filled the hidden field";
        }
        if (fillMs != null && fillMs.matches("\\d{1,9}") && Long.parseLong(fillMs) < MIN_FILL_MILLIS) {
            return "sent " + fillMs + " ms after typing began";
        }
        return null;
    }

    boolean wantsNotifications() {
        return notifyReplies != null;
    }

    String nameOrEmpty() {
        return name == null ? "" : name;
    }

    String emailOrEmpty() {
        return email == null ? "" : email.strip();
    }

    String bodyOrEmpty() {
        return body == null ? "" : body;
    }
}
