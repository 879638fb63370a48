package news.broadsheet.media;

/** One re-encoded width of a stored image, at the address readers fetch it from. */
public record ImageVariant(int width, int height, String url) {}
