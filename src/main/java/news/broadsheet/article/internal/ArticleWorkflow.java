package news.broadsheet.article.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.account.Role;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.ArticleChanged;
import news.broadsheet.article.ArticleChanged.Change;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.EditArticle;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editorial workflow: reporters write drafts and submit them; editors publish, schedule,
 * embargo, take down, set expiries and correct. Who may see a story at all is {@link #canSee}.
 * Every permission is checked here, on the server, whatever route the request came by. Each save keeps a revision; two people saving the same
 * version cannot overwrite each other.
 */
@Service
public class ArticleWorkflow {

    private static final List<ArticleStatus> REPORTER_EDITABLE = List.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW);

    /** Stories readers cannot see, whose changes may be saved in the background. */
    public static final List<ArticleStatus> AUTOSAVED = List.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW);

    private final EditorialRepository editorial;
    private final ArticleRepository articles;
    private final ArticleBodyRenderer renderer;
    private final StoryChecks checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleWorkflow(
            EditorialRepository editorial,
            ArticleRepository articles,
            ArticleBodyRenderer renderer,
            StoryChecks checks,
            ApplicationEventPublisher events,
            Clock clock) {
        this.editorial = editorial;
        this.articles = articles;
        this.renderer = renderer;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The story, if it exists and this user {@linkplain #canSee may see it}: every newsroom page and
     * action on a story starts here, so one the user may not see answers as an unknown one does (404).
     */
    public Optional<ArticleDraft> draft(StaffPrincipal staff, long id) {
        return editorial.findDraft(id).filter(draft -> canSee(staff, draft));
    }

    /**
     * Whether this user may see the story in the newsroom at all: its editor, preview, revisions,
     * notes and every action on it. Editors and admins see every story; a reporter only those they
     * created or are bylined on, in any status (other reporters' drafts and embargoed or scheduled
     * stories stay private to their desk); moderators none.
     */
    public static boolean canSee(StaffPrincipal staff, ArticleDraft draft) {
        return canPublish(staff) || (staff.hasRole(Role.REPORTER) && involved(staff, draft));
    }

    /** Whether this user may change the article's content. */
    public static boolean canEdit(StaffPrincipal staff, ArticleDraft draft) {
        if (canPublish(staff)) {
            return true;
        }
        return canSee(staff, draft) && REPORTER_EDITABLE.contains(draft.status());
    }

    private static boolean involved(StaffPrincipal staff, ArticleDraft draft) {
        Long creator = draft.createdBy();
        return (creator != null && creator == staff.accountId())
                || draft.bylineAccountIds().contains(staff.accountId());
    }

    /**
     * The newsroom's story list as this user may see it, by the same rule as {@link #canSee}: a
     * reporter's list holds only their own stories, published ones included. Every row opens the
     * editor, with revisions and staff notes readers never see, so a colleague's live story is read
     * on the public site instead.
     */
    public List<EditorialRepository.ListedArticle> list(
            StaffPrincipal staff,
            @Nullable ArticleStatus status,
            @Nullable Long sectionId,
            @Nullable Long authorId,
            @Nullable String headlineText,
            @Nullable Instant afterUpdated,
            @Nullable Long afterId,
            int limit) {
        if (!canWrite(staff)) {
            return List.of();
        }
        Long involving = canPublish(staff) ? null : staff.accountId();
        return editorial.list(involving, status, sectionId, authorId, headlineText, afterUpdated, afterId, limit);
    }

    /** Whether this user may publish, schedule, embargo, take down and correct. */
    public static boolean canPublish(StaffPrincipal staff) {
        return staff.hasRole(Role.ADMIN, Role.EDITOR);
    }

    public static boolean canWrite(StaffPrincipal staff) {
        return staff.hasRole(Role.ADMIN, Role.EDITOR, Role.REPORTER);
    }

    @Transactional
    public long create(StaffPrincipal staff, EditArticle content) {
        if (!canWrite(staff)) {
            throw EditorialRefusedException.forbidden("Your role cannot write stories.");
        }
        String slug = checked(content, null);
        Instant now = clock.instant();
        long id = articles.insertArticle(
                slug,
                content.headline().strip(),
                content.standfirst().strip(),
                content.bodyMarkdown(),
                renderer.toHtml(content.bodyMarkdown()),
                content.sectionId(),
                ArticleStatus.DRAFT,
                null,
                now,
                now,
                content.commentsOpen());
        editorial.setCreationDetails(
                id, staff.accountId(), blankToNull(content.seoTitle()), blankToNull(content.seoDescription()));
        writeRelations(id, content);
        editorial.insertRevision(id, 0, content, slug, staff.accountId(), staff.displayName(), now, "Created");
        publish(staff.actor(), Change.CREATED, id, content.headline(), "Draft created");
        return id;
    }

    /**
     * Saves new content over the version the editor started from.
     *
     * @throws EditorialRefusedException CONFLICT when someone saved a newer version in the meantime
     */
    @Transactional
    public void save(StaffPrincipal staff, long id, int expectedVersion, EditArticle content) {
        write(staff, existing(staff, id), expectedVersion, content, "Saved");
    }

    /**
     * Saves a draft in the background while its writer types. Only stories readers cannot see yet
     * are autosaved: half-typed text never goes out.
     *
     * @return the new version
     * @throws EditorialRefusedException CONFLICT when someone saved a newer version, or the story is out
     */
    @Transactional
    public int autosave(StaffPrincipal staff, long id, int expectedVersion, EditArticle content) {
        ArticleDraft draft = existing(staff, id);
        if (!AUTOSAVED.contains(draft.status())) {
            throw new EditorialRefusedException(
                    EditorialRefusedException.Kind.CONFLICT,
                    Map.of("", "Only drafts and stories in review are saved automatically; save this one yourself."));
        }
        write(staff, draft, expectedVersion, content, "Autosaved");
        return expectedVersion + 1;
    }

    private void write(
            StaffPrincipal staff, ArticleDraft draft, int expectedVersion, EditArticle content, String note) {
        long id = draft.id();
        if (!canEdit(staff, draft)) {
            throw EditorialRefusedException.forbidden(
                    "You cannot change this story: reporters edit their own drafts until an editor takes over.");
        }
        String slug = checked(content, id);
        Instant now = clock.instant();
        // A story's public "updated" time moves only when it is out; drafts keep their own clock.
        boolean live = draft.status() == ArticleStatus.PUBLISHED;
        boolean saved = editorial.updateContent(
                id, expectedVersion, content, slug, renderer.toHtml(content.bodyMarkdown()), !live, now);
        if (!saved) {
            throw new EditorialRefusedException(
                    EditorialRefusedException.Kind.CONFLICT,
                    Map.of(
                            "",
                            "Someone else saved this story while you were editing it. Your changes are below and"
                                    + " have not been saved; the newer version is shown beside them."));
        }
        if (!slug.equals(draft.slug())) {
            retireSlug(id, draft, slug, now);
        }
        writeRelations(id, content);
        editorial.insertRevision(
                id, expectedVersion + 1, content, slug, staff.accountId(), staff.displayName(), now, note);
        publish(staff.actor(), Change.SAVED, id, content.headline(), note + " version " + (expectedVersion + 1));
    }

    @Transactional
    public void submit(StaffPrincipal staff, long id) {
        ArticleDraft draft = existing(staff, id);
        if (!canEdit(staff, draft)) {
            throw EditorialRefusedException.forbidden("You cannot submit this story.");
        }
        if (!editorial.transition(id, List.of(ArticleStatus.DRAFT), ArticleStatus.IN_REVIEW, clock.instant())) {
            throw EditorialRefusedException.invalid("", "Only drafts can be submitted for review.");
        }
        publish(staff.actor(), Change.SUBMITTED, id, draft.headline(), "Submitted for review");
    }

    /**
     * Publishes the story now.
     *
     * @param expectedVersion the version the editor reviewed, or -1 to skip the check
     */
    @Transactional
    public void publishNow(StaffPrincipal staff, long id, int expectedVersion) {
        ArticleDraft draft = publishable(staff, id, expectedVersion);
        Instant now = clock.instant();
        // A story that went out before keeps its original publication time (and address).
        Instant published =
                draft.publishedAt() != null && draft.publishedAt().isBefore(now) ? draft.publishedAt() : now;
        clearPastExpiry(draft, now);
        editorial.setPublication(id, ArticleStatus.PUBLISHED, published, now);
        publish(staff.actor(), Change.PUBLISHED, id, draft.headline(), "Published");
    }

    @Transactional
    public void schedule(StaffPrincipal staff, long id, Instant at, int expectedVersion) {
        ArticleDraft draft = publishable(staff, id, expectedVersion);
        if (!at.isAfter(clock.instant())) {
            throw EditorialRefusedException.invalid("publishAt", "Choose a time in the future, or publish now.");
        }
        clearPastExpiry(draft, at);
        editorial.setPublication(id, ArticleStatus.SCHEDULED, at, clock.instant());
        publish(staff.actor(), Change.SCHEDULED, id, draft.headline(), "Scheduled for " + at);
    }

    /** Takes a scheduled story off the schedule and back to review; nothing goes out. */
    @Transactional
    public void cancelSchedule(StaffPrincipal staff, long id) {
        ArticleDraft draft = existing(staff, id);
        requirePublisher(staff);
        Instant now = clock.instant();
        if (!editorial.transition(id, List.of(ArticleStatus.SCHEDULED), ArticleStatus.IN_REVIEW, now)) {
            throw EditorialRefusedException.invalid("", "Only scheduled stories can be taken off the schedule.");
        }
        // The scheduled time was never a publication; a past one (the story went out before) stays.
        editorial.clearFuturePublication(id, now);
        publish(staff.actor(), Change.SCHEDULE_CANCELLED, id, draft.headline(), "Schedule cancelled");
    }

    /** Sends a story in review back to its reporter as a draft, with an editorial note saying why. */
    @Transactional
    public void returnToReporter(StaffPrincipal staff, long id, String note) {
        ArticleDraft draft = existing(staff, id);
        requirePublisher(staff);
        String body = note.strip();
        if (body.isEmpty()
                || body.length() > 5000
                || StoryChecks.CONTROL_CHARACTERS.matcher(body).find()) {
            throw EditorialRefusedException.invalid(
                    "returnNote", "Tell the reporter what to change, in up to 5,000 characters.");
        }
        if (!editorial.transition(id, List.of(ArticleStatus.IN_REVIEW), ArticleStatus.DRAFT, clock.instant())) {
            throw EditorialRefusedException.invalid("", "Only stories in review can be returned to the reporter.");
        }
        editorial.insertNote(id, null, staff.accountId(), staff.displayName(), body, clock.instant());
        publish(staff.actor(), Change.RETURNED, id, draft.headline(), "Returned to the reporter");
    }

    @Transactional
    public void unpublish(StaffPrincipal staff, long id) {
        ArticleDraft draft = existing(staff, id);
        requirePublisher(staff);
        if (!editorial.transition(
                id,
                List.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED),
                ArticleStatus.UNPUBLISHED,
                clock.instant())) {
            throw EditorialRefusedException.invalid("", "Only published or scheduled stories can be taken down.");
        }
        publish(staff.actor(), Change.UNPUBLISHED, id, draft.headline(), "Unpublished");
    }

    /** Sets or clears (null) an embargo: the story is invisible everywhere until it lifts. */
    @Transactional
    public void embargo(StaffPrincipal staff, long id, @Nullable Instant until) {
        ArticleDraft draft = existing(staff, id);
        requirePublisher(staff);
        if (until != null && !until.isAfter(clock.instant())) {
            throw EditorialRefusedException.invalid("embargoUntil", "An embargo must end in the future.");
        }
        editorial.setEmbargo(id, until, clock.instant());
        publish(
                staff.actor(),
                until == null ? Change.EMBARGO_LIFTED : Change.EMBARGOED,
                id,
                draft.headline(),
                until == null ? "Embargo lifted" : "Embargoed until " + until);
    }

    /** Sets or clears (null) the time the story is taken down by itself. */
    @Transactional
    public void expire(StaffPrincipal staff, long id, @Nullable Instant at) {
        ArticleDraft draft = existing(staff, id);
        requirePublisher(staff);
        if (at != null && !at.isAfter(clock.instant())) {
            throw EditorialRefusedException.invalid(
                    "expiresAt", "An expiry must be in the future; unpublish to take it down now.");
        }
        if (at != null && draft.publishedAt() != null && !at.isAfter(draft.publishedAt())) {
            throw EditorialRefusedException.invalid(
                    "expiresAt", "An expiry must come after the story's publication time.");
        }
        editorial.setExpiry(id, at, clock.instant());
        publish(
                staff.actor(),
                Change.EXPIRY_SET,
                id,
                draft.headline(),
                at == null ? "Expiry cleared" : "Expires at " + at);
    }

    /** Attaches a correction or an update note to a published story and moves its updated time. */
    @Transactional
    public void correct(StaffPrincipal staff, long id, String kind, String text) {
        ArticleDraft draft = existing(staff, id);
        requirePublisher(staff);
        if (draft.status() != ArticleStatus.PUBLISHED) {
            throw EditorialRefusedException.invalid("", "Corrections and updates are for published stories.");
        }
        if (!kind.equals("correction") && !kind.equals("update")) {
            throw EditorialRefusedException.invalid("kind", "Choose correction or update.");
        }
        String body = text.strip();
        if (body.isEmpty()
                || body.length() > 2000
                || StoryChecks.CONTROL_CHARACTERS.matcher(body).find()) {
            throw EditorialRefusedException.invalid("correction", "Write the note, in up to 2,000 characters.");
        }
        Instant now = clock.instant();
        editorial.insertCorrection(id, kind, body, now, staff.accountId());
        editorial.touch(id, now);
        publish(
                staff.actor(),
                Change.CORRECTED,
                id,
                draft.headline(),
                (kind.equals("update") ? "Update: " : "Correction: ") + body);
    }

    /** Makes an old revision the current content again, as a new revision. */
    @Transactional
    public void restore(StaffPrincipal staff, long id, int version, int expectedVersion) {
        ArticleDraft draft = existing(staff, id);
        EditorialRepository.Revision revision = editorial
                .findRevision(id, version)
                .orElseThrow(() -> EditorialRefusedException.invalid("", "There is no such revision."));
        EditArticle content = new EditArticle(
                revision.headline(),
                revision.standfirst(),
                revision.bodyMarkdown(),
                revision.slug(),
                revision.sectionId(),
                draft.extraSectionIds(),
                draft.tagNames(),
                draft.authorIds(),
                revision.seoTitle(),
                revision.seoDescription(),
                draft.commentsOpen());
        save(staff, id, expectedVersion, content);
        publish(staff.actor(), Change.RESTORED, id, revision.headline(), "Restored version " + version);
    }

    public List<EditorialRepository.Revision> revisions(long id) {
        return editorial.findRevisions(id);
    }

    public Optional<EditorialRepository.Revision> revision(long id, int version) {
        return editorial.findRevision(id, version);
    }

    /** The headlines of those of these stories that still exist (the audit log names its stories). */
    public java.util.Map<Long, String> headlines(java.util.Collection<Long> ids) {
        return editorial.findHeadlines(ids);
    }

    public List<EditorialRepository.Note> notes(long id) {
        return editorial.findNotes(id);
    }

    @Transactional
    public void addNote(StaffPrincipal staff, long id, @Nullable Long parentId, String text) {
        existing(staff, id); // whoever may see the story may discuss it
        String body = text.strip();
        if (body.isEmpty()
                || body.length() > 5000
                || StoryChecks.CONTROL_CHARACTERS.matcher(body).find()) {
            throw EditorialRefusedException.invalid("note", "Write the note, in up to 5,000 characters.");
        }
        if (parentId != null && !editorial.noteBelongsTo(parentId, id)) {
            throw EditorialRefusedException.invalid("note", "The note you are replying to is not on this story.");
        }
        editorial.insertNote(id, parentId, staff.accountId(), staff.displayName(), body, clock.instant());
    }

    @Transactional
    public void resolveNote(StaffPrincipal staff, long id, long noteId) {
        existing(staff, id); // whoever may see the story may discuss it
        if (!editorial.noteBelongsTo(noteId, id)) {
            throw EditorialRefusedException.invalid("note", "That note is not on this story.");
        }
        editorial.resolveNote(noteId, staff.displayName(), clock.instant());
    }

    @Transactional
    public void setLeadImage(StaffPrincipal staff, long id, @Nullable Long imageId) {
        ArticleDraft draft = existing(staff, id);
        if (!canEdit(staff, draft)) {
            throw EditorialRefusedException.forbidden("You cannot change this story.");
        }
        editorial.setLeadImage(id, imageId);
        publish(
                staff.actor(),
                Change.SAVED,
                id,
                draft.headline(),
                imageId == null ? "Lead image removed" : "Lead image set");
    }

    @Transactional
    public void setImportedLeadImage(Actor actor, long id, long imageId) {
        ArticleDraft draft = editorial.findDraft(id).orElseThrow(() -> notFound(id));
        editorial.setLeadImage(id, imageId);
        publish(actor, Change.SAVED, id, draft.headline(), "Lead image set by the import");
    }

    /** Carries out what has come due: scheduled stories go out, expired ones come down. */
    @Transactional
    public int runDue() {
        Instant now = clock.instant();
        int done = 0;
        for (long id : editorial.findDueScheduled(now)) {
            if (editorial.transition(id, List.of(ArticleStatus.SCHEDULED), ArticleStatus.PUBLISHED, now)) {
                publish(Actor.SYSTEM, Change.PUBLISHED, id, headline(id), "Published on schedule");
                done++;
            }
        }
        for (long id : editorial.findDueExpiries(now)) {
            if (editorial.transition(
                    id, List.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED), ArticleStatus.UNPUBLISHED, now)) {
                publish(Actor.SYSTEM, Change.EXPIRED, id, headline(id), "Taken down at its expiry");
                done++;
            }
        }
        for (long id : editorial.findLiftedEmbargoes(now)) {
            if (editorial.clearEmbargoIfLifted(id, now)) {
                publish(Actor.SYSTEM, Change.EMBARGO_LIFTED, id, headline(id), "Embargo lifted");
                done++;
            }
        }
        return done;
    }

    private String headline(long id) {
        return editorial.findDraft(id).map(ArticleDraft::headline).orElse("#" + id);
    }

    /** An expiry that would take the story down the moment it goes out is stale: republishing clears it. */
    private void clearPastExpiry(ArticleDraft draft, Instant goingOut) {
        if (draft.expiresAt() != null && !draft.expiresAt().isAfter(goingOut)) {
            editorial.setExpiry(draft.id(), null, clock.instant());
        }
    }

    private ArticleDraft publishable(StaffPrincipal staff, long id, int expectedVersion) {
        ArticleDraft draft = existing(staff, id);
        requirePublisher(staff);
        if (expectedVersion >= 0 && expectedVersion != draft.version()) {
            throw new EditorialRefusedException(
                    EditorialRefusedException.Kind.CONFLICT,
                    Map.of("", "The story changed since you opened it. Review the newer version, then publish."));
        }
        Map<String, String> missing = new LinkedHashMap<>();
        if (draft.bodyMarkdown().isBlank()) {
            missing.put("body", "A story needs a body before it can go out.");
        }
        if (draft.authorIds().isEmpty()) {
            missing.put("authorIds", "A story needs a byline before it can go out.");
        }
        if (!missing.isEmpty()) {
            throw new EditorialRefusedException(EditorialRefusedException.Kind.INVALID, missing);
        }
        return draft;
    }

    private static void requirePublisher(StaffPrincipal staff) {
        if (!canPublish(staff)) {
            throw EditorialRefusedException.forbidden(
                    "Only editors can publish, schedule, embargo, take down or correct stories.");
        }
    }

    /** The story this user acts on; one they may not see is reported as missing, whatever the route. */
    private ArticleDraft existing(StaffPrincipal staff, long id) {
        return draft(staff, id).orElseThrow(() -> notFound(id));
    }

    private static news.broadsheet.article.ArticleNotFoundException notFound(long id) {
        return new news.broadsheet.article.ArticleNotFoundException("#" + id);
    }

    /** Validates content and returns the slug it will have. */
    private String checked(EditArticle content, @Nullable Long articleId) {
        return checks.checked(content, articleId, checks.live());
    }

    private void retireSlug(long id, ArticleDraft draft, String newSlug, Instant now) {
        if (draft.publishedAt() != null) {
            articles.retireSlug(id, draft.slug(), newSlug, now);
        }
    }

    private void writeRelations(long id, EditArticle content) {
        editorial.replaceAuthors(id, List.copyOf(new LinkedHashSet<>(content.authorIds())));
        editorial.replaceExtraSections(
                id,
                content.extraSectionIds().stream()
                        .filter(s -> s != content.sectionId())
                        .distinct()
                        .toList());
        editorial.clearTags(id);
        for (String name : content.tagNames()) {
            String tagSlug = Slugs.from(name);
            if (!tagSlug.isEmpty()) {
                articles.insertTag(id, articles.tagId(tagSlug, name.strip()));
            }
        }
    }

    private void publish(Actor actor, Change change, long id, String headline, String detail) {
        events.publishEvent(new ArticleChanged(actor, change, id, headline, detail));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
