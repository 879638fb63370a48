package news.broadsheet.comment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.internal.CommentPrivacyRepository;
import news.broadsheet.comment.internal.CommentPrivacyRepository.ReaderComment;
import news.broadsheet.mail.MailOutbox;
import news.broadsheet.shared.Digests;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's right to a copy of their comments and to their erasure (GDPR articles 15, 17 and 20),
 * proven by e-mail: they give the address they commented with, and a link valid for {@link
 * #LINK_LIFETIME} is mailed to it, whatever its case. The link shows their comments, downloads them
 * and erases them. Whether an address has comments is never told to whoever typed it: the answer is
 * the same, and the mail is only sent when there is something to show.
 */
@Service
public class CommentPrivacy {

    public static final Duration LINK_LIFETIME = Duration.ofHours(1);

    /** One link per address in this time, however often the form is sent. */
    static final Duration ONE_MAIL_PER = Duration.ofMinutes(10);

    private static final SecureRandom TOKENS = new SecureRandom();

    private final CommentPrivacyRepository repository;
    private final Articles articles;
    private final MailOutbox outbox;
    private final SiteSettings site;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentPrivacy(
            CommentPrivacyRepository repository,
            Articles articles,
            MailOutbox outbox,
            SiteSettings site,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.articles = articles;
        this.outbox = outbox;
        this.site = site;
        this.events = events;
        this.clock = clock;
    }

    /** A reader's comments, with the story each is on (null when it is no longer published). */
    public record ReaderComments(String email, List<Item> comments) {

        public record Item(ReaderComment comment, @Nullable ArticleSummary article) {}
    }

    /**
     * Mails a link to the address if comments were written with it and no link went there in the
     * last {@link #ONE_MAIL_PER}; otherwise does nothing, silently.
     *
     * @param email as the reader typed it, checked for form by the caller
     */
    @Transactional
    public void requestLink(String email) {
        Instant now = clock.instant();
        repository.deleteExpiredRequests(now);
        if (!repository.hasComments(email) || repository.requestedSince(email, now.minus(ONE_MAIL_PER))) {
            return;
        }
        byte[] random = new byte[32];
        TOKENS.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        repository.insertRequest(Digests.ofSecret(token), email, now, now.plus(LINK_LIFETIME));
        String link = site.baseUrl() + "/comments/privacy/" + token;
        outbox.queueSecret(
                "comment-privacy",
                email,
                "Your comments on " + site.name(),
                "Someone, we hope you, asked to see or erase the comments written with this e-mail address on "
                        + site.name() + ".\n\nSee them, download them or erase them (the link works for one hour):\n"
                        + link + "\n\nIf you did not ask, ignore this e-mail: nothing changes.\n");
    }

    /** The comments behind a link, while it is valid. */
    @Transactional(readOnly = true)
    public Optional<ReaderComments> open(String token) {
        return emailOf(token).map(email -> {
            List<ReaderComment> comments = repository.findByEmail(email);
            Map<Long, ArticleSummary> stories = articles.liveByIds(
                    comments.stream().map(ReaderComment::articleId).distinct().toList());
            return new ReaderComments(
                    email,
                    comments.stream()
                            .map(comment -> new ReaderComments.Item(comment, stories.get(comment.articleId())))
                            .toList());
        });
    }

    /**
     * Erases every comment written with the link's address (see {@link CommentPrivacyRepository#erase})
     * and ends the link, with mail waiting for that address.
     *
     * @return how many comments were erased, or empty if the link is unknown or expired
     */
    @Transactional
    public Optional<Integer> erase(String token) {
        Optional<String> email = emailOf(token);
        if (email.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> stories = repository.storiesCommentedOnBy(email.get());
        int erased = repository.erase(email.get(), clock.instant());
        repository.deleteRequests(email.get());
        outbox.forget(email.get());
        events.publishEvent(new CommentsErased(erased, stories));
        return Optional.of(erased);
    }

    private Optional<String> emailOf(String token) {
        if (!token.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return repository.findRequestEmail(Digests.ofSecret(token), clock.instant());
    }
}
