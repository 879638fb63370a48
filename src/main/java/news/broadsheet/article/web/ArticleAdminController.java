package news.broadsheet.article.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.Articles;
import news.broadsheet.article.EditArticle;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.article.internal.ArticleBodyRenderer;
import news.broadsheet.article.internal.ArticleDraft;
import news.broadsheet.article.internal.ArticleWorkflow;
import news.broadsheet.article.internal.EditorialRepository;
import news.broadsheet.author.Authors;
import news.broadsheet.media.ImageRejectedException;
import news.broadsheet.media.ImageUpload;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The article editor under {@code /admin/articles}: the list, writing and saving, the workflow
 * actions, corrections and editorial notes. Permissions are decided by {@link ArticleWorkflow};
 * this controller turns its refusals into 403, 409 and 422 pages that keep what was typed. A story
 * the user may not see at all ({@link ArticleWorkflow#canSee}) is a 404 on every route, as an unknown one.
 */
@Controller
class ArticleAdminController {

    /** What the editor's buttons may ask for besides a preview. */
    private static final java.util.Set<String> FORM_STEPS = java.util.Set.of(
            "save",
            "submit",
            "publish",
            "schedule",
            "cancel-schedule",
            "return",
            "unpublish",
            "embargo",
            "lift-embargo",
            "expiry",
            "clear-expiry");

    private static final String EDITOR_SCRIPT = "/assets/js/editor.js";

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("HH:mm");

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ArticleWorkflow workflow;
    private final Articles articles;
    private final Sections sections;
    private final Authors authors;
    private final ArticleBodyRenderer renderer;
    private final MediaLibrary media;
    private final SiteSettings site;
    private final java.time.Clock clock;
    private final ResourceUrlProvider assets;

    ArticleAdminController(
            ArticleWorkflow workflow,
            Articles articles,
            Sections sections,
            Authors authors,
            ArticleBodyRenderer renderer,
            MediaLibrary media,
            SiteSettings site,
            java.time.Clock clock,
            ResourceUrlProvider assets) {
        this.workflow = workflow;
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.renderer = renderer;
        this.media = media;
        this.site = site;
        this.clock = clock;
        this.assets = assets;
    }

    // --- writing ----------------------------------------------------------------------------

    @GetMapping("/admin/articles/new")
    String newArticle(@AuthenticationPrincipal StaffPrincipal staff, Model model, HttpServletResponse response) {
        if (!ArticleWorkflow.canWrite(staff)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
        }
        // A reporter's own byline is chosen for a new story.
        Long defaultAuthor = authors.byAccount(staff.accountId())
                .filter(a -> !a.retired())
                .map(a -> a.id())
                .orElse(null);
        model.addAttribute("page", editPage(staff, null, ArticleForm.blank(defaultAuthor), Map.of(), null, null, null));
        return "admin/article/edit";
    }

    /**
     * Creates a draft, with its lead image when one was chosen in the same form. When anything is
     * refused nothing is created and every field comes back as typed; an image that was accepted
     * is kept (by id, in the form) so it need not be sent again.
     */
    @PostMapping("/admin/articles")
    String create(
            @AuthenticationPrincipal StaffPrincipal staff,
            @ModelAttribute ArticleForm form,
            @RequestParam(defaultValue = "save") String intent,
            @RequestParam(name = "image", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String altText,
            @RequestParam(defaultValue = "") String caption,
            @RequestParam(defaultValue = "") String credit,
            @RequestParam(defaultValue = "") String leadImageId,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if ("preview".equals(intent)) {
            return preview(staff, null, form, model);
        }
        StoredImage kept = leadImageId.matches("\\d{1,18}")
                ? media.uploadedBy(Long.parseLong(leadImageId), staff.accountId())
                        .orElse(null)
                : null;
        try {
            if (!ArticleWorkflow.canWrite(staff)) {
                throw EditorialRefusedException.forbidden("Your role cannot write stories.");
            }
            boolean chosen = file != null && !file.isEmpty();
            if (!chosen && kept == null && !(altText + caption + credit).isBlank()) {
                throw EditorialRefusedException.invalid(
                        "image", "Choose the image file these words describe, or leave the image fields empty.");
            }
            if (chosen) {
                String filename = file.getOriginalFilename();
                kept = media.store(
                        new ImageUpload(
                                filename == null ? "upload" : filename, file.getBytes(), altText, caption, credit),
                        staff.accountId());
            }
            long id = workflow.create(staff, form.validContent());
            if (kept != null) {
                workflow.setLeadImage(staff, id, kept.id());
            }
            return "redirect:/admin/articles/" + id + "/edit?done=created";
        } catch (ImageRejectedException e) {
            response.setStatus(imageStatus(e));
            Map<String, String> errors = new LinkedHashMap<>();
            form.content(errors); // the story's own fields are marked too, so one more try can fix everything
            errors.put(e.field(), e.getMessage());
            model.addAttribute(
                    "page",
                    editPage(
                                    staff,
                                    null,
                                    form,
                                    errors,
                                    null,
                                    "Nothing was saved: the image was refused. Correct the fields marked below"
                                            + " and choose the file again (browsers do not keep it).",
                                    null)
                            .withImageChoice(imageChoice(altText, caption, credit, kept)));
            return "admin/article/edit";
        } catch (EditorialRefusedException e) {
            response.setStatus(status(e));
            // An image stored on this try is kept; its words are in the library now, not the fields.
            boolean storedNow = kept != null && !String.valueOf(kept.id()).equals(leadImageId);
            model.addAttribute(
                    "page",
                    editPage(staff, null, form, e.errors(), null, message(e), null)
                            .withImageChoice(
                                    storedNow
                                            ? imageChoice("", "", "", kept)
                                            : imageChoice(altText, caption, credit, kept)));
            return "admin/article/edit";
        }
    }

    private static ArticleEditPage.ImageChoice imageChoice(
            String altText, String caption, String credit, @Nullable StoredImage kept) {
        return new ArticleEditPage.ImageChoice(
                altText,
                caption,
                credit,
                kept == null ? null : new ArticleEditPage.KeptImage(kept.id(), LeadImage.of(kept)));
    }

    private static int imageStatus(ImageRejectedException e) {
        return e.reason() == ImageRejectedException.Reason.TOO_LARGE
                ? HttpStatus.CONTENT_TOO_LARGE.value()
                : HttpStatus.UNPROCESSABLE_CONTENT.value();
    }

    @GetMapping("/admin/articles/{id}/edit")
    String edit(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        ArticleDraft draft = draft(staff, id);
        model.addAttribute("page", editPage(staff, draft, ArticleForm.of(draft), Map.of(), notice(done), null, null));
        return "admin/article/edit";
    }

    /**
     * The editor's one form: every button saves what was typed first (when it changed), then
     * takes its step, so no workflow action throws unsaved edits away.
     */
    @PostMapping("/admin/articles/{id}")
    String save(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @ModelAttribute ArticleForm form,
            @RequestParam(defaultValue = "save") String intent,
            @RequestParam(defaultValue = "") String publishAt,
            @RequestParam(defaultValue = "") String embargoUntil,
            @RequestParam(defaultValue = "") String expiresAt,
            @RequestParam(defaultValue = "") String returnNote,
            HttpServletResponse response,
            Model model) {
        ArticleDraft draft = draft(staff, id);
        if ("preview".equals(intent)) {
            return preview(staff, draft, form, model);
        }
        if (!FORM_STEPS.contains(intent)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("page", editPage(staff, draft, form, Map.of(), null, "Unknown action.", null));
            return "admin/article/edit";
        }
        boolean saved = false;
        try {
            int version = form.versionOrZero();
            // A plain save always records a revision; a workflow step saves only what changed.
            if ("save".equals(intent) || (ArticleWorkflow.canEdit(staff, draft) && changed(draft, form))) {
                workflow.save(staff, id, version, form.validContent());
                saved = true;
                ArticleDraft after = workflow.draft(staff, id).orElse(null);
                if (after == null) {
                    // A reporter who took themselves off a colleague's byline has handed the story back.
                    return "redirect:/admin/articles";
                }
                version = after.version();
            }
            switch (intent) {
                case "save" -> {}
                case "submit" -> workflow.submit(staff, id);
                case "publish" -> workflow.publishNow(staff, id, version);
                case "schedule" -> workflow.schedule(staff, id, required(publishAt, "publishAt"), version);
                case "cancel-schedule" -> workflow.cancelSchedule(staff, id);
                case "return" -> workflow.returnToReporter(staff, id, returnNote);
                case "unpublish" -> workflow.unpublish(staff, id);
                case "embargo" -> workflow.embargo(staff, id, required(embargoUntil, "embargoUntil"));
                case "lift-embargo" -> workflow.embargo(staff, id, null);
                case "expiry" -> workflow.expire(staff, id, required(expiresAt, "expiresAt"));
                case "clear-expiry" -> workflow.expire(staff, id, null);
                default -> throw new IllegalStateException(intent);
            }
            return "redirect:/admin/articles/" + id + "/edit?done=" + ("save".equals(intent) ? "saved" : intent);
        } catch (EditorialRefusedException e) {
            response.setStatus(status(e));
            ArticleDraft current = draft(staff, id);
            ArticleEditPage.Conflict conflict = !saved && e.kind() == EditorialRefusedException.Kind.CONFLICT
                    ? new ArticleEditPage.Conflict(
                            current.headline(), current.standfirst(), current.bodyMarkdown(), current.version())
                    : null;
            // After a conflict the form carries the newer version: saving again is a deliberate overwrite.
            // After our own save it carries the saved version, so the next click does not conflict with it.
            ArticleForm kept = conflict == null && !saved ? form : form.atVersion(current.version());
            String problem = saved ? "Your changes were saved, but: " + message(e) : message(e);
            model.addAttribute(
                    "page",
                    editPage(staff, current, kept, e.errors(), null, problem, conflict)
                            .withStepValues(publishAt, embargoUntil, expiresAt, returnNote));
            return "admin/article/edit";
        }
    }

    /**
     * Saves a draft as it is typed (the editor's script posts the form here a few seconds after the
     * last keystroke), answering with the new version for the form to carry.
     */
    @PostMapping(path = "/admin/articles/{id}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Autosaved> autosave(
            @AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, @ModelAttribute ArticleForm form) {
        ArticleDraft draft = draft(staff, id);
        int version = form.versionOrZero();
        try {
            if (!changed(draft, form)) {
                return ResponseEntity.ok(new Autosaved(version, "No changes to save.", null));
            }
            int saved = workflow.autosave(staff, id, version, form.validContent());
            String at = SAVED_AT.format(clock.instant().atZone(site.timeZone()));
            return ResponseEntity.ok(new Autosaved(saved, "Draft saved automatically at " + at + ".", null));
        } catch (EditorialRefusedException e) {
            String problem = e.kind() == EditorialRefusedException.Kind.INVALID
                    ? "Not saved automatically yet: "
                            + String.join(" ", e.errors().values())
                    : "Not saved automatically: " + message(e);
            return ResponseEntity.status(status(e)).body(new Autosaved(version, null, problem));
        }
    }

    /** The answer to an autosave: the version the form now carries, and what to tell the writer. */
    record Autosaved(
            int version, @Nullable String saved, @Nullable String problem) {}

    /** Whether the form says anything the stored story does not. */
    private static boolean changed(ArticleDraft draft, ArticleForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        EditArticle typed = form.content(errors);
        return !errors.isEmpty() || !typed.equals(ArticleForm.of(draft).content(new LinkedHashMap<>()));
    }

    /**
     * Renders what was typed with the public story template, under a "draft preview" banner;
     * nothing is saved. The editor's Preview button opens it in a new tab, so the form stays as typed.
     */
    private String preview(StaffPrincipal staff, @Nullable ArticleDraft draft, ArticleForm form, Model model) {
        EditArticle content = form.content(new LinkedHashMap<>());
        List<Crumb> trail = sections.byId(content.sectionId())
                .map(section -> sections.trail(section).stream()
                        .map(s -> new Crumb(s.name(), s.url()))
                        .toList())
                .orElse(List.of());
        Map<Long, news.broadsheet.author.Author> bylines = authors.byIds(content.authorIds());
        List<Crumb> authorCrumbs = content.authorIds().stream()
                .map(bylines::get)
                .filter(java.util.Objects::nonNull)
                .map(a -> new Crumb(a.name(), a.url()))
                .toList();
        Long imageId = draft == null ? null : draft.leadImageId();
        Instant publishedAt = draft == null ? null : draft.publishedAt();
        ArticlePage page = new ArticlePage(
                content.headline(),
                content.standfirst(),
                trail,
                authorCrumbs,
                time(publishedAt == null ? clock.instant() : publishedAt),
                null,
                imageId == null ? null : media.byId(imageId).map(LeadImage::of).orElse(null),
                renderer.toHtml(content.bodyMarkdown()),
                content.tagNames().stream()
                        .map(name -> new Crumb(name, "/tag/" + news.broadsheet.shared.Slugs.from(name)))
                        .toList(),
                List.of(),
                List.of(),
                List.of());
        model.addAttribute("page", page);
        model.addAttribute("title", "Draft preview: " + content.headline());
        model.addAttribute("description", content.standfirst());
        model.addAttribute(
                "draftPreview",
                draft == null
                        ? "Not saved and not published. Close this tab to go back to the editor."
                        : "Your unsaved changes, as readers would see them. Nothing is saved or published:"
                                + " close this tab to go back to the editor.");
        return "article/show";
    }

    /** The saved draft, as readers would see it. */
    @GetMapping("/admin/articles/{id}/preview")
    String savedPreview(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, Model model) {
        ArticleDraft draft = draft(staff, id);
        return preview(staff, draft, ArticleForm.of(draft), model);
    }

    // --- workflow ---------------------------------------------------------------------------

    @PostMapping("/admin/articles/{id}/workflow")
    String workflowAction(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String publishAt,
            @RequestParam(defaultValue = "") String embargoUntil,
            @RequestParam(defaultValue = "") String expiresAt,
            @RequestParam(defaultValue = "-1") int version,
            HttpServletResponse response,
            Model model) {
        draft(staff, id); // an unknown story, or one this user may not see, is a 404
        try {
            switch (action) {
                case "submit" -> workflow.submit(staff, id);
                case "publish" -> workflow.publishNow(staff, id, version);
                case "schedule" -> workflow.schedule(staff, id, required(publishAt, "publishAt"), version);
                case "unpublish" -> workflow.unpublish(staff, id);
                case "embargo" -> workflow.embargo(staff, id, required(embargoUntil, "embargoUntil"));
                case "lift-embargo" -> workflow.embargo(staff, id, null);
                case "expiry" -> workflow.expire(staff, id, required(expiresAt, "expiresAt"));
                case "clear-expiry" -> workflow.expire(staff, id, null);
                default -> throw EditorialRefusedException.invalid("", "Unknown action.");
            }
            return "redirect:/admin/articles/" + id + "/edit?done=" + action;
        } catch (EditorialRefusedException e) {
            return refused(staff, id, e, response, model);
        }
    }

    @PostMapping("/admin/articles/{id}/corrections")
    String correct(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "correction") String kind,
            @RequestParam(defaultValue = "") String text,
            HttpServletResponse response,
            Model model) {
        draft(staff, id); // an unknown story, or one this user may not see, is a 404
        try {
            workflow.correct(staff, id, kind, text);
            return "redirect:/admin/articles/" + id + "/edit?done=corrected";
        } catch (EditorialRefusedException e) {
            return refused(staff, id, e, response, model);
        }
    }

    @PostMapping("/admin/articles/{id}/notes")
    String addNote(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable String parentId,
            HttpServletResponse response,
            Model model) {
        draft(staff, id); // an unknown story, or one this user may not see, is a 404
        try {
            Long parent = parentId != null && parentId.matches("\\d{1,18}") ? Long.valueOf(parentId) : null;
            workflow.addNote(staff, id, parent, text);
            return "redirect:/admin/articles/" + id + "/edit?done=noted#notes";
        } catch (EditorialRefusedException e) {
            return refused(staff, id, e, response, model);
        }
    }

    @PostMapping("/admin/articles/{id}/notes/{noteId}/resolve")
    String resolveNote(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @PathVariable long noteId,
            HttpServletResponse response,
            Model model) {
        draft(staff, id); // an unknown story, or one this user may not see, is a 404
        try {
            workflow.resolveNote(staff, id, noteId);
            return "redirect:/admin/articles/" + id + "/edit?done=resolved#notes";
        } catch (EditorialRefusedException e) {
            return refused(staff, id, e, response, model);
        }
    }

    // --- lead image -------------------------------------------------------------------------

    @PostMapping("/admin/articles/{id}/image")
    String uploadImage(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(name = "image", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String altText,
            @RequestParam(defaultValue = "") String caption,
            @RequestParam(defaultValue = "") String credit,
            HttpServletResponse response,
            Model model)
            throws IOException {
        ArticleDraft draft = draft(staff, id);
        try {
            if (!ArticleWorkflow.canEdit(staff, draft)) {
                throw EditorialRefusedException.forbidden("You cannot change this story.");
            }
            if (file == null || file.isEmpty()) {
                throw EditorialRefusedException.invalid("image", "Choose an image file to upload.");
            }
            String filename = file.getOriginalFilename();
            StoredImage image = media.store(
                    new ImageUpload(filename == null ? "upload" : filename, file.getBytes(), altText, caption, credit),
                    staff.accountId());
            workflow.setLeadImage(staff, id, image.id());
            return "redirect:/admin/articles/" + id + "/edit?done=image";
        } catch (ImageRejectedException e) {
            response.setStatus(imageStatus(e));
            model.addAttribute(
                    "page",
                    editPage(
                            staff,
                            draft,
                            ArticleForm.of(draft),
                            Map.of(e.field(), e.getMessage()),
                            null,
                            "The image was not added: " + e.getMessage(),
                            null));
            return "admin/article/edit";
        } catch (EditorialRefusedException e) {
            return refused(staff, id, e, response, model);
        }
    }

    @PostMapping("/admin/articles/{id}/image/remove")
    String removeImage(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            HttpServletResponse response,
            Model model) {
        draft(staff, id); // an unknown story, or one this user may not see, is a 404
        try {
            workflow.setLeadImage(staff, id, null);
            return "redirect:/admin/articles/" + id + "/edit?done=image";
        } catch (EditorialRefusedException e) {
            return refused(staff, id, e, response, model);
        }
    }

    private String refused(
            StaffPrincipal staff, long id, EditorialRefusedException e, HttpServletResponse response, Model model) {
        response.setStatus(status(e));
        ArticleDraft current = draft(staff, id);
        model.addAttribute(
                "page", editPage(staff, current, ArticleForm.of(current), e.errors(), null, message(e), null));
        return "admin/article/edit";
    }

    // --- page assembly ----------------------------------------------------------------------

    private ArticleEditPage editPage(
            StaffPrincipal staff,
            @Nullable ArticleDraft draft,
            ArticleForm form,
            Map<String, String> errors,
            @Nullable String notice,
            @Nullable String problem,
            ArticleEditPage.@Nullable Conflict conflict) {
        boolean editable = draft == null ? ArticleWorkflow.canWrite(staff) : ArticleWorkflow.canEdit(staff, draft);
        List<ArticleEditPage.Option> sectionOptions = new ArrayList<>();
        List<ArticleEditPage.Option> extraOptions = new ArrayList<>();
        for (Section section : allSections()) {
            String label = String.join(
                    " › ", sections.trail(section).stream().map(Section::name).toList());
            sectionOptions.add(new ArticleEditPage.Option(section.id(), label, form.hasSection(section.id())));
            extraOptions.add(new ArticleEditPage.Option(section.id(), label, form.hasExtraSection(section.id())));
        }
        // The signed-in user's own byline first; retired bylines only where the story already has them.
        Long own = authors.byAccount(staff.accountId()).map(a -> a.id()).orElse(null);
        List<ArticleEditPage.Option> authorOptions = authors.all().stream()
                .filter(a -> !a.retired() || form.hasAuthor(a.id()))
                .sorted(java.util.Comparator.comparing(a -> own == null || a.id() != own))
                .map(a -> new ArticleEditPage.Option(
                        a.id(), a.retired() ? a.name() + " (retired)" : a.name(), form.hasAuthor(a.id())))
                .toList();
        ArticleEditPage.Fields fields = new ArticleEditPage.Fields(
                ArticleForm.text(form.headline()),
                ArticleForm.text(form.standfirst()),
                ArticleForm.text(form.body()),
                ArticleForm.text(form.slug()),
                ArticleForm.text(form.tags()),
                ArticleForm.text(form.seoTitle()),
                ArticleForm.text(form.seoDescription()),
                form.commentsOpen() != null,
                ArticleForm.text(form.version()));
        return new ArticleEditPage(
                draft == null ? "New story" : "Edit: " + draft.headline(),
                draft == null ? null : draft.id(),
                draft == null ? "/admin/articles" : "/admin/articles/" + draft.id(),
                fields,
                sectionOptions,
                extraOptions,
                authorOptions,
                errors,
                notice,
                problem,
                editable,
                draft == null ? null : workflow(staff, draft),
                assetUrl(EDITOR_SCRIPT),
                draft != null && editable && ArticleWorkflow.AUTOSAVED.contains(draft.status())
                        ? "/admin/articles/" + draft.id() + "/autosave"
                        : null,
                conflict,
                draft == null ? List.of() : notes(draft.id()),
                draft == null || draft.leadImageId() == null
                        ? null
                        : media.byId(draft.leadImageId()).map(LeadImage::of).orElse(null),
                draft == null || !editable ? null : "/admin/articles/" + draft.id() + "/image",
                draft == null && editable ? ArticleEditPage.ImageChoice.EMPTY : null);
    }

    private ArticleEditPage.Workflow workflow(StaffPrincipal staff, ArticleDraft draft) {
        boolean publisher = ArticleWorkflow.canPublish(staff);
        boolean editable = ArticleWorkflow.canEdit(staff, draft);
        ArticleStatus status = draft.status();
        String base = "/admin/articles/" + draft.id();
        ArticleEditPage.Step next = null;
        String waiting = null;
        if (publisher) {
            next = switch (status) {
                case DRAFT, IN_REVIEW -> new ArticleEditPage.Step("publish", "Publish now");
                case SCHEDULED -> new ArticleEditPage.Step("publish", "Publish now instead");
                case UNPUBLISHED -> new ArticleEditPage.Step("publish", "Publish again");
                case PUBLISHED -> null;
            };
            if (status == ArticleStatus.PUBLISHED) {
                waiting = "Live: saving changes what readers see.";
            }
        } else if (status == ArticleStatus.DRAFT && editable) {
            next = new ArticleEditPage.Step("submit", "Submit for review");
        } else {
            waiting = switch (status) {
                case DRAFT -> "A draft: its reporter submits it for review.";
                case IN_REVIEW -> "Waiting for an editor to review it.";
                case SCHEDULED -> "Scheduled by an editor.";
                case PUBLISHED -> "Published.";
                case UNPUBLISHED -> "Taken down by an editor.";
            };
        }
        Instant publishedAt = draft.publishedAt();
        boolean scheduled = status == ArticleStatus.SCHEDULED && publishedAt != null;
        // The field shows the time as scheduled; only an unscheduled story starts from the next full hour.
        String scheduleValue = scheduled && publishedAt != null
                ? local(publishedAt)
                : local(clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS));
        return new ArticleEditPage.Workflow(
                status.label(),
                articles.liveById(draft.id()).map(a -> a.url()).orElse(null),
                draft.publishedAt() == null ? null : time(draft.publishedAt()),
                scheduled,
                time(draft.updatedAt()),
                draft.embargoUntil() == null ? null : time(draft.embargoUntil()),
                draft.expiresAt() == null ? null : time(draft.expiresAt()),
                next,
                waiting,
                publisher && status != ArticleStatus.PUBLISHED,
                publisher && status == ArticleStatus.SCHEDULED,
                publisher && status == ArticleStatus.IN_REVIEW,
                publisher && status == ArticleStatus.PUBLISHED,
                publisher && status == ArticleStatus.PUBLISHED,
                publisher,
                scheduleValue,
                draft.embargoUntil() == null ? "" : local(draft.embargoUntil()),
                draft.expiresAt() == null ? "" : local(draft.expiresAt()),
                "",
                base + "/corrections",
                base + "/revisions",
                base + "/notes",
                site.timeZone().getId());
    }

    private List<ArticleEditPage.Note> notes(long articleId) {
        List<EditorialRepository.Note> all = workflow.notes(articleId);
        Map<Long, List<EditorialRepository.Note>> replies = new LinkedHashMap<>();
        List<EditorialRepository.Note> roots = new ArrayList<>();
        for (EditorialRepository.Note note : all) {
            if (note.parentId() == null) {
                roots.add(note);
            } else {
                replies.computeIfAbsent(note.parentId(), k -> new ArrayList<>()).add(note);
            }
        }
        // Notes nest one level: a reply to a reply joins its thread.
        return roots.stream()
                .map(root -> note(articleId, root, flatten(root.id(), replies)))
                .toList();
    }

    private static List<EditorialRepository.Note> flatten(
            long rootId, Map<Long, List<EditorialRepository.Note>> replies) {
        List<EditorialRepository.Note> out = new ArrayList<>();
        java.util.ArrayDeque<Long> pending = new java.util.ArrayDeque<>(List.of(rootId));
        while (!pending.isEmpty()) {
            for (EditorialRepository.Note reply : replies.getOrDefault(pending.pop(), List.of())) {
                out.add(reply);
                pending.push(reply.id());
            }
        }
        out.sort(java.util.Comparator.comparing(EditorialRepository.Note::createdAt));
        return out;
    }

    private ArticleEditPage.Note note(
            long articleId, EditorialRepository.Note note, List<EditorialRepository.Note> replies) {
        return new ArticleEditPage.Note(
                note.id(),
                note.authorName(),
                note.body(),
                time(note.createdAt()),
                note.resolvedBy(),
                replies.stream().map(r -> note(articleId, r, List.of())).toList(),
                "/admin/articles/" + articleId + "/notes/" + note.id() + "/resolve");
    }

    private List<Section> allSections() {
        List<Section> all = new ArrayList<>();
        for (Section top : sections.topLevel()) {
            for (long id : sections.subtreeIds(top)) {
                sections.byId(id).ifPresent(all::add);
            }
        }
        return all;
    }

    /** The story, or a 404 when it does not exist or this user may not see it (not a 403: that would confirm it). */
    private ArticleDraft draft(StaffPrincipal staff, long id) {
        return workflow.draft(staff, id).orElseThrow(() -> new ArticleNotFoundException("#" + id));
    }

    private String local(Instant instant) {
        return LOCAL_INPUT.format(LocalDateTime.ofInstant(instant, site.timeZone()));
    }

    private String assetUrl(String path) {
        String url = assets.getForLookupPath(path);
        return url != null ? url : path;
    }

    private DisplayTime time(Instant instant) {
        return DisplayTime.of(instant, site.timeZone());
    }

    private Instant required(String value, String field) {
        Instant instant = optional(value, field);
        if (instant == null) {
            throw EditorialRefusedException.invalid(field, "Choose a date and time.");
        }
        return instant;
    }

    /** A datetime-local value, read in the newsroom's time zone; blank means none. */
    private @Nullable Instant optional(String value, String field) {
        if (value.isBlank()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(value.strip());
            if (local.getYear() < 2000 || local.getYear() > 9999) {
                throw EditorialRefusedException.invalid(field, "Give a year between 2000 and 9999.");
            }
            return local.atZone(site.timeZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw EditorialRefusedException.invalid(field, "Give a date and time like 2026-05-31T09:30.");
        }
    }

    private static int status(EditorialRefusedException e) {
        return switch (e.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT.value();
            case FORBIDDEN -> HttpStatus.FORBIDDEN.value();
            case CONFLICT -> HttpStatus.CONFLICT.value();
        };
    }

    private static String message(EditorialRefusedException e) {
        String general = e.errors().get("");
        return general != null ? general : "Nothing was changed. Please correct the fields marked below.";
    }

    private static @Nullable String notice(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "Draft created.";
            case "saved" -> "Saved.";
            case "submit" -> "Submitted for review.";
            case "publish" -> "Published.";
            case "schedule" -> "Scheduled.";
            case "unpublish" -> "Taken down.";
            case "cancel-schedule" -> "Taken off the schedule; the story is back in review.";
            case "return" -> "Returned to the reporter with your note.";
            case "embargo" -> "Embargo set.";
            case "lift-embargo" -> "Embargo lifted.";
            case "expiry" -> "Expiry set.";
            case "clear-expiry" -> "Expiry cleared.";
            case "corrected" -> "Note published on the story.";
            case "noted" -> "Note added.";
            case "resolved" -> "Note resolved.";
            case "restored" -> "Revision restored.";
            case "image" -> "Lead image updated.";
            default -> null;
        };
    }
}
