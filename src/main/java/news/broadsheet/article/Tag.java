package news.broadsheet.article;

/** A topic label that groups stories across sections. */
public record Tag(long id, String slug, String name) {

    public String url() {
        return "/tag/" + slug;
    }
}
