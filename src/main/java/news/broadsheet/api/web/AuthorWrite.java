package news.broadsheet.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A byline as a token creates or changes it. On create, {@code name} is required and a missing
 * slug is made from it; on update, a missing field keeps its value.
 *
 * @param imageId an image in the media library; 0 removes the photo
 * @param retired true retires the byline, false brings it back
 */
public record AuthorWrite(
        @Nullable String slug,
        @Nullable String name,
        @Nullable String jobTitle,
        @Nullable String bio,
        @Nullable String email,
        @Nullable String website,
        @Nullable List<String> profiles,
        @Nullable Long imageId,
        @Nullable Boolean retired) {}
