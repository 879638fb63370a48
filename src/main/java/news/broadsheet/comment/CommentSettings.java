package news.broadsheet.comment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code broadsheet.comments}.
 *
 * @param moderation {@code pre} (default: hold every comment for a moderator) or {@code post}
 */
@ConfigurationProperties("broadsheet.comments")
public record CommentSettings(@DefaultValue("pre") ModerationPolicy moderation) {}
