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

        @Size(max = 254, message = "That email address is too long.")
        @Pattern(
                regexp = "^$|^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$",
                message = "Please enter a valid email address, or leave the field empty.")
        @Nullable
        String email,

        @NotBlank(message = "Please write a comment.") @Nullable
        String body,

        @Nullable Long parentId,
        @Nullable String notifyReplies) {

    static final int NAME_LIMIT = 80;
    static final int BODY_LIMIT = 5000;

    static CommentForm empty(@Nullable Long parentId) {
        return new CommentForm("", "", "", parentId, null);
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
