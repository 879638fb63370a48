package news.broadsheet.author;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.broadsheet.author.internal.AuthorRepository;
import news.broadsheet.shared.Slugs;
import org.springframework.stereotype.Service;

/** Looks up and creates the authors named in bylines. */
@Service
public class Authors {

    private final AuthorRepository repository;

    Authors(AuthorRepository repository) {
        this.repository = repository;
    }

    public Optional<Author> bySlug(String slug) {
        return repository.findBySlug(slug);
    }

    /** The authors with these ids, keyed by id; unknown ids are absent. */
    public Map<Long, Author> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findByIds(ids).stream().collect(Collectors.toMap(Author::id, Function.identity()));
    }

    public List<Author> all() {
        return repository.findAll();
    }

    public Author create(String slug, String name, String bio) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("Not a valid author slug: " + slug);
        }
        long id = repository.insert(slug, name, bio);
        return new Author(id, slug, name, bio);
    }

    /**
     * Deletes an author. The caller makes sure no byline names them and no account writes as them
     * (see {@code Articles.idsByAuthor}, {@code Account.authorId}).
     */
    public boolean delete(long id) {
        return repository.delete(id);
    }
}
