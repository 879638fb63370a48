package news.broadsheet.author;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import news.broadsheet.author.internal.AuthorRepository;
import news.broadsheet.author.internal.BioRenderer;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Slugs;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bylines: looking them up, creating and editing them, retiring and merging them, and the
 * newsroom account each one belongs to. Every change publishes an {@link AuthorChanged} for the
 * audit log, in the change's transaction; a merge also publishes {@link AuthorsMerged}.
 */
@Service
public class Authors {

    static final int MAX_BIO = 5000;
    static final int MAX_PROFILES = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final AuthorRepository repository;
    private final BioRenderer renderer;
    private final MediaLibrary media;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Authors(
            AuthorRepository repository,
            BioRenderer renderer,
            MediaLibrary media,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.renderer = renderer;
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    /** The byline whose current address is this slug, merged or not. */
    public Optional<Author> bySlug(String slug) {
        return repository.findBySlug(slug);
    }

    public Optional<Author> byId(long id) {
        return repository.findById(id);
    }

    /** The authors with these ids, keyed by id; unknown ids are absent. */
    public Map<Long, Author> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findByIds(ids).stream().collect(Collectors.toMap(Author::id, Function.identity()));
    }

    /** Every byline except merged ones, retired ones included, by slug. */
    public List<Author> all() {
        return repository.findAll();
    }

    /** The bylines offered for new stories: neither retired nor merged. */
    public List<Author> active() {
        return repository.findAll().stream().filter(a -> !a.retired()).toList();
    }

    /** The byline this newsroom account writes as, if it has one. */
    public Optional<Author> byAccount(long accountId) {
        return repository.findByAccount(accountId).filter(a -> !a.merged());
    }

    /**
     * Where an address that no longer names a byline of its own should send readers: an old slug
     * of a renamed byline, or the slug of one merged into another. Empty when the slug is a
     * current byline's, or unknown.
     */
    public Optional<Author> successorFor(String slug) {
        Author current = repository.findBySlug(slug).orElse(null);
        if (current != null) {
            return current.merged() ? survivor(current) : Optional.empty();
        }
        return repository
                .findIdByRetiredSlug(slug)
                .flatMap(repository::findById)
                .flatMap(author -> author.merged() ? survivor(author) : Optional.of(author));
    }

    private Optional<Author> survivor(Author merged) {
        Long survivorId = merged.mergedIntoId();
        return survivorId == null ? Optional.of(merged) : repository.findById(survivorId);
    }

    /** The bio as readers see it: Markdown rendered, then sanitised. */
    public String bioHtml(Author author) {
        return author.bio().isBlank() ? "" : renderer.toHtml(author.bio());
    }

    /** Creates a byline without the checks and audit of the newsroom (demo content, tests). */
    public Author create(String slug, String name, String bio) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("Not a valid author slug: " + slug);
        }
        long id = repository.insert(new AuthorDetails(slug, name, "", bio, "", "", List.of(), null));
        events.publishEvent(new BylineAdded(id));
        return repository.findById(id).orElseThrow();
    }

    /**
     * Creates a byline.
     *
     * @throws AuthorRefusedException naming each field to fix
     */
    @Transactional
    public Author create(AuthorDetails details, Actor actor) {
        AuthorDetails checked = check(null, details);
        repository.reclaimSlug(checked.slug());
        long id = repository.insert(checked);
        events.publishEvent(new AuthorChanged(actor, "author.created", id, "Created " + checked.name()));
        return repository.findById(id).orElseThrow();
    }

    /**
     * Changes a byline's details. A new slug keeps the old address answering with a redirect.
     *
     * @throws AuthorRefusedException naming each field to fix
     */
    @Transactional
    public Author update(long id, AuthorDetails details, Actor actor) {
        Author before = existing(id);
        AuthorDetails checked = check(before, details);
        if (!checked.slug().equals(before.slug())) {
            repository.reclaimSlug(checked.slug());
            repository.retireSlug(before.slug(), id);
        }
        repository.update(id, checked);
        events.publishEvent(new AuthorChanged(
                actor,
                "author.updated",
                id,
                checked.slug().equals(before.slug())
                        ? "Edited " + checked.name()
                        : "Edited " + checked.name() + "; /author/" + before.slug() + " is now /author/"
                                + checked.slug()));
        return repository.findById(id).orElseThrow();
    }

    /**
     * Links the byline to the newsroom account that writes as it (null: to none). An account has
     * at most one byline.
     */
    @Transactional
    public Author linkAccount(long id, @Nullable Long accountId, Actor actor) {
        Author author = existing(id);
        if (accountId != null) {
            Author other = repository.findByAccount(accountId).orElse(null);
            if (other != null && other.id() != id) {
                throw AuthorRefusedException.of(
                        "accountId", "That account already writes as " + other.name() + ". Unlink it there first.");
            }
        }
        if (java.util.Objects.equals(author.accountId(), accountId)) {
            return author;
        }
        repository.updateAccount(id, accountId);
        events.publishEvent(new AuthorChanged(
                actor,
                "author.account-linked",
                id,
                accountId == null
                        ? author.name() + " is linked to no account"
                        : author.name() + " is linked to account #" + accountId));
        return repository.findById(id).orElseThrow();
    }

    /** No longer offered for new stories; the page and the stories stay. */
    @Transactional
    public Author retire(long id, Actor actor) {
        Author author = existing(id);
        if (!author.retired()) {
            repository.updateRetired(id, clock.millis());
            events.publishEvent(new AuthorChanged(actor, "author.retired", id, "Retired " + author.name()));
        }
        return repository.findById(id).orElseThrow();
    }

    /** Offered for new stories again. */
    @Transactional
    public Author restore(long id, Actor actor) {
        Author author = existing(id);
        if (author.retired()) {
            repository.updateRetired(id, null);
            events.publishEvent(new AuthorChanged(actor, "author.restored", id, "Brought back " + author.name()));
        }
        return repository.findById(id).orElseThrow();
    }

    /**
     * Merges one byline into another: its stories move to the survivor (see {@link
     * AuthorsMerged}), its addresses redirect there, and its account link moves there if the
     * survivor has none.
     */
    @Transactional
    public Author merge(long id, long survivorId, Actor actor) {
        Author merged = existing(id);
        if (id == survivorId) {
            throw AuthorRefusedException.of("survivorId", "Choose another byline to merge into.");
        }
        Author survivor = repository
                .findById(survivorId)
                .filter(a -> !a.merged() && !a.retired())
                .orElseThrow(() ->
                        AuthorRefusedException.of("survivorId", "Choose a byline in use (not retired) to merge into."));
        repository.merge(id, survivorId, clock.millis());
        if (merged.accountId() != null && survivor.accountId() == null) {
            repository.updateAccount(survivorId, merged.accountId());
        }
        events.publishEvent(new AuthorsMerged(actor, id, survivorId));
        events.publishEvent(new AuthorChanged(
                actor,
                "author.merged",
                id,
                merged.name() + " (/author/" + merged.slug() + ") merged into " + survivor.name() + " (/author/"
                        + survivor.slug() + ")"));
        return repository.findById(survivorId).orElseThrow();
    }

    private Author existing(long id) {
        Author author =
                repository.findById(id).orElseThrow(() -> AuthorRefusedException.of("", "There is no such byline."));
        if (author.merged()) {
            throw AuthorRefusedException.of("", author.name() + " was merged into another byline.");
        }
        return author;
    }

    /** The details trimmed and checked; a blank slug is made from the name. */
    private AuthorDetails check(@Nullable Author before, AuthorDetails details) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = details.name().strip();
        if (name.isEmpty() || !Text.fits(name, 200) || name.contains("\n")) {
            errors.put("name", "Give the name readers see in the byline, up to 200 characters.");
        }
        String slug = details.slug().strip();
        if (slug.isEmpty()) {
            slug = Slugs.from(name);
        }
        if (!Slugs.isValid(slug)) {
            errors.put("slug", "Use lowercase letters, digits and single hyphens for the address.");
        } else {
            Author owner = repository.findBySlug(slug).orElse(null);
            Long formerOwner = repository.findIdByRetiredSlug(slug).orElse(null);
            if (owner != null && (before == null || owner.id() != before.id())) {
                errors.put("slug", "Another byline already has the address /author/" + slug + ".");
            } else if (formerOwner != null && (before == null || formerOwner != before.id())) {
                errors.put(
                        "slug", "The address /author/" + slug + " still redirects to another byline; choose another.");
            }
        }
        String jobTitle = details.jobTitle().strip();
        if (!Text.fits(jobTitle, 200) || jobTitle.contains("\n")) {
            errors.put("jobTitle", "Keep the job title to one line of up to 200 characters.");
        }
        String bio = details.bio().strip().replace("\r\n", "\n");
        if (!Text.fits(bio, MAX_BIO)) {
            errors.put("bio", "Keep the bio to " + MAX_BIO + " characters.");
        }
        String email = details.email().strip();
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.put("email", "Give a contact address such as tips@example.org, or leave it empty.");
        }
        String website = details.website().strip();
        if (!website.isEmpty() && !isWebAddress(website)) {
            errors.put("website", "Give the website as a full address starting with https://, or leave it empty.");
        }
        List<String> profiles = new ArrayList<>();
        for (String profile : details.profiles()) {
            String address = profile.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (!isWebAddress(address)) {
                errors.put("profiles", "Give each profile as a full address starting with https://, one per line.");
            }
            profiles.add(address);
        }
        if (profiles.size() > MAX_PROFILES) {
            errors.put("profiles", "Give at most " + MAX_PROFILES + " profile addresses.");
        }
        if (details.imageId() != null && media.byId(details.imageId()).isEmpty()) {
            errors.put("imageId", "There is no image " + details.imageId() + " in the media library.");
        }
        if (!errors.isEmpty()) {
            throw new AuthorRefusedException(errors);
        }
        return new AuthorDetails(slug, name, jobTitle, bio, email, website, profiles, details.imageId());
    }

    private static boolean isWebAddress(String text) {
        if (text.length() > 500
                || Text.hasControlCharacters(text)
                || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Deletes an author with their old addresses. The caller makes sure no byline names them and
     * no account writes as them (see {@code Articles.idsByAuthor}, {@link Author#accountId()}).
     */
    @Transactional
    public boolean delete(long id) {
        return repository.delete(id);
    }
}
