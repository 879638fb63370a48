package news.broadsheet.comment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site-wide comment settings under {@code broadsheet.comments}; sections and articles can override
 * the policy and the closing age on the moderation desk.
 *
 * @param moderation {@code pre} (default: hold every comment), {@code post} or {@code new-commenters}
 * @param trustedAfter under {@code new-commenters}, how many approved comments make a commenter trusted
 * @param closeAfterDays comments close this many days after publication; 0 keeps them open
 * @param floodPerMinute the flood limit until the desk sets one
 * @param repeatWindowMinutes the repeat window until the desk sets one
 * @param reportThreshold readers' reports that put an approved comment in the reported queue
 * @param pendingAlertThreshold moderators get an e-mail (at most hourly) when this many comments wait
 */
@ConfigurationProperties("broadsheet.comments")
public record CommentSettings(
        @DefaultValue("pre") String moderation,
        @DefaultValue("3") int trustedAfter,
        @DefaultValue("30") int closeAfterDays,
        @DefaultValue("5") int floodPerMinute,
        @DefaultValue("60") int repeatWindowMinutes,
        @DefaultValue("2") int reportThreshold,
        @DefaultValue("50") int pendingAlertThreshold) {

    public ModerationPolicy policy() {
        ModerationPolicy policy = ModerationPolicy.parse(moderation);
        if (policy == null) {
            throw new IllegalStateException(
                    "broadsheet.comments.moderation must be pre, post or new-commenters, not " + moderation);
        }
        return policy;
    }
}
