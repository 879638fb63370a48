package news.broadsheet.account;

import java.time.Duration;

/** What a one-time link in an e-mail is for, and how long it works. */
public enum LinkPurpose {
    /** A new account's first password: 72 hours. */
    INVITATION(Duration.ofHours(72)),
    /** A forgotten or forcibly reset password: one hour. */
    RESET(Duration.ofHours(1));

    private final Duration validity;

    LinkPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }

    public String dbValue() {
        return this == INVITATION ? "invitation" : "reset";
    }
}
