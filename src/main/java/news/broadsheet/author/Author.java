package news.broadsheet.author;

/** A person who writes for the publication, as readers see them in a byline. */
public record Author(long id, String slug, String name, String bio) {

    /** The author's page, for example {@code /author/ana-ferreira}. */
    public String url() {
        return "/author/" + slug;
    }
}
