package news.broadsheet.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code broadsheet.media}.
 *
 * @param maxImageSize the largest upload accepted, below the server's multipart limit so the
 *     newsroom gets a clear message rather than a refused request
 */
@ConfigurationProperties("broadsheet.media")
public record MediaSettings(@DefaultValue("10MB") DataSize maxImageSize) {}
