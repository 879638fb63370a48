package news.broadsheet.article.web;

import java.util.List;
import java.util.Map;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * The article editor: the story's fields, what the current user may do with it, its workflow
 * state, and its editorial notes. Every address the page links or posts to is in here.
 *
 * @param scriptUrl the editor's script (unsaved-changes warning, autosave), content-hashed
 * @param autosaveUrl where the script saves a draft as it is typed, or null when this story is not
 *     autosaved (new, already out, or not this user's to change)
 * @param imageAction where an existing story's lead image is replaced (and, with {@code /remove},
 *     removed), or null
 * @param imageChoice the lead-image fields inside the form of a new story, or null for an existing one
 */
public record ArticleEditPage(
        String title,
        @Nullable Long id,
        String formAction,
        Fields fields,
        List<Option> sections,
        List<Option> extraSections,
        List<Option> authors,
        Map<String, String> errors,
        @Nullable String notice,
        @Nullable String problem,
        boolean editable,
        @Nullable Workflow workflow,
        String scriptUrl,
        @Nullable String autosaveUrl,
        @Nullable Conflict conflict,
        List<Note> notes,
        @Nullable LeadImage leadImage,
        @Nullable String imageAction,
        @Nullable ImageChoice imageChoice) {

    /** The id of the editor's form, which every workflow button submits. */
    public static final String FORM_ID = "story-form";

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    public String formId() {
        return FORM_ID;
    }

    /** The page with the values typed into the publishing panel kept. */
    ArticleEditPage withStepValues(String schedule, String embargo, String expiry, String note) {
        return workflow == null ? this : with(workflow.withTyped(schedule, embargo, expiry, note), imageChoice);
    }

    /** The page with the lead-image fields of a new story as typed, and the image kept from an earlier try. */
    ArticleEditPage withImageChoice(ImageChoice choice) {
        return with(workflow, choice);
    }

    /** The two parts that keep what the user typed when a form comes back; everything else is the same. */
    private ArticleEditPage with(@Nullable Workflow typedWorkflow, @Nullable ImageChoice typedImage) {
        return new ArticleEditPage(
                title,
                id,
                formAction,
                fields,
                sections,
                extraSections,
                authors,
                errors,
                notice,
                problem,
                editable,
                typedWorkflow,
                scriptUrl,
                autosaveUrl,
                conflict,
                notes,
                leadImage,
                imageAction,
                typedImage);
    }

    /** The editor's form sends a file (a new story's lead image) and so is multipart. */
    public @Nullable String formEnctype() {
        return imageChoice == null ? null : "multipart/form-data";
    }

    /**
     * A new story's lead image, chosen in the same form as its words and saved with them.
     *
     * @param kept an image uploaded with an earlier try of this form that was refused for another
     *     reason, which the draft gets unless another file is chosen; null when there is none
     */
    public record ImageChoice(
            String altText,
            String caption,
            String credit,
            @Nullable KeptImage kept) {

        static final ImageChoice EMPTY = new ImageChoice("", "", "", null);
    }

    /** An image already in the library, waiting for the draft it was uploaded with. */
    public record KeptImage(long id, LeadImage image) {}

    /** The form's values as text. */
    public record Fields(
            String headline,
            String standfirst,
            String body,
            String slug,
            String tags,
            String seoTitle,
            String seoDescription,
            boolean commentsOpen,
            String version) {}

    /** A choice in a select list. */
    public record Option(long id, String label, boolean selected) {}

    /**
     * The publishing panel: the story's state, the one next step this user can take, and the
     * other steps that fit its status. Every button submits the editor's form ({@link #FORM_ID}).
     *
     * @param publicUrl the story's address when readers can see it, else null
     * @param nextStep the main thing to do now, or null when there is none for this user
     * @param waiting what the story is waiting for, when this user has nothing to do
     * @param scheduleValue the datetime-local value of the schedule field: the scheduled time
     *     itself when there is one, else the next full hour after the one to come
     * @param canTime whether embargo and expiry may be set
     */
    public record Workflow(
            String statusLabel,
            @Nullable String publicUrl,
            @Nullable DisplayTime publishedAt,
            boolean scheduled,
            DisplayTime updatedAt,
            @Nullable DisplayTime embargoUntil,
            @Nullable DisplayTime expiresAt,
            @Nullable Step nextStep,
            @Nullable String waiting,
            boolean canSchedule,
            boolean canCancelSchedule,
            boolean canReturn,
            boolean canUnpublish,
            boolean canCorrect,
            boolean canTime,
            String scheduleValue,
            String embargoValue,
            String expiryValue,
            String returnNote,
            String correctionsUrl,
            String revisionsUrl,
            String notesUrl,
            String timeZone) {

        /** The same panel with what the user typed into its fields, kept after a refusal. */
        Workflow withTyped(String schedule, String embargo, String expiry, String note) {
            return new Workflow(
                    statusLabel,
                    publicUrl,
                    publishedAt,
                    scheduled,
                    updatedAt,
                    embargoUntil,
                    expiresAt,
                    nextStep,
                    waiting,
                    canSchedule,
                    canCancelSchedule,
                    canReturn,
                    canUnpublish,
                    canCorrect,
                    canTime,
                    schedule.isBlank() ? scheduleValue : schedule,
                    embargo.isBlank() ? embargoValue : embargo,
                    expiry.isBlank() ? expiryValue : expiry,
                    note,
                    correctionsUrl,
                    revisionsUrl,
                    notesUrl,
                    timeZone);
        }
    }

    /** A workflow button: the intent it submits and its label. */
    public record Step(String intent, String label) {}

    /** The newer version someone else saved, shown beside the editor's unsaved changes. */
    public record Conflict(String headline, String standfirst, String body, int version) {}

    /** A staff note with its replies. */
    public record Note(
            long id,
            String author,
            String body,
            DisplayTime at,
            @Nullable String resolvedBy,
            List<Note> replies,
            String resolveUrl) {}
}
