package news.broadsheet.api.web;

/** A story's lead image: the largest variant's address, the srcset of all of them, and its text. */
public record ImageItem(String url, String srcset, int width, int height, String alt, String caption, String credit) {}
