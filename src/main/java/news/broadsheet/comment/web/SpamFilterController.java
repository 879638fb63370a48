package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import news.broadsheet.comment.internal.spam.LabelledComments;
import news.broadsheet.comment.internal.spam.SpamFilter;
import news.broadsheet.comment.internal.spam.SpamModelStore;
import news.broadsheet.comment.internal.spam.SpamTrainer;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The desk's spam filter page ({@code /admin/comments/spam-filter}): what the model in use
 * promises, how many examples it learned from and how old it is; train it now; upload labelled
 * comments to learn from (CSV: {@code COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS}); download the desk's
 * own decisions in the same layout.
 */
@Controller
class SpamFilterController {

    private final SpamFilter filter;
    private final SpamModelStore store;
    private final SiteSettings site;
    private final Clock clock;

    SpamFilterController(SpamFilter filter, SpamModelStore store, SiteSettings site, Clock clock) {
        this.filter = filter;
        this.store = store;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/admin/comments/spam-filter")
    String show(@RequestParam(required = false) @Nullable String done, Model model) {
        String notice = done == null
                ? null
                : switch (done) {
                    case "trained" -> "A new model was trained and is in use.";
                    case "uploaded" -> "The labelled comments were added; train now to learn from them.";
                    default -> null;
                };
        model.addAttribute("page", view(notice, null));
        return "admin/comment/spam-filter";
    }

    @PostMapping("/admin/comments/spam-filter/train")
    String train(HttpServletResponse response, Model model) {
        if (filter.trainNow().isPresent()) {
            return "redirect:/admin/comments/spam-filter?done=trained";
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute(
                "page",
                view(
                        null,
                        "No model was trained: it needs at least " + SpamTrainer.MINIMUM_PER_CLASS
                                + " examples of spam and " + SpamTrainer.MINIMUM_PER_CLASS
                                + " of readers' comments, and no other node may be training at the same moment."));
        return "admin/comment/spam-filter";
    }

    @PostMapping("/admin/comments/spam-filter/examples")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return problem(response, model, "Please choose a CSV file of labelled comments.");
        }
        List<LabelledComments.Row> rows;
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            rows = LabelledComments.read(reader);
        } catch (IllegalArgumentException e) {
            return problem(response, model, "Nothing was added. " + e.getMessage() + ".");
        }
        if (rows.isEmpty()) {
            return problem(response, model, "The file has a header but no comments.");
        }
        store.upload(rows, clock.instant());
        return "redirect:/admin/comments/spam-filter?done=uploaded";
    }

    @GetMapping("/admin/comments/spam-filter/decisions.csv")
    void decisions(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"moderation-decisions.csv\"");
        response.setHeader("Cache-Control", "no-store");
        LabelledComments.write(store.decisionRows(), response.getWriter());
    }

    private String problem(HttpServletResponse response, Model model, String problem) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("page", view(null, problem));
        return "admin/comment/spam-filter";
    }

    private SpamFilterPage view(@Nullable String notice, @Nullable String problem) {
        SpamFilterPage.Model model = filter.model()
                .map(stored -> new SpamFilterPage.Model(
                        stored.version(),
                        DisplayTime.of(stored.trainedAt(), site.timeZone()).label(),
                        age(Duration.between(stored.trainedAt(), clock.instant())),
                        stored.spamExamples(),
                        stored.hamExamples(),
                        stored.thresholds().holds(),
                        SpamTrainer.READERS_BEFORE_HOLDING,
                        String.format(Locale.ROOT, "%.2f", stored.thresholds().hold()),
                        String.format(Locale.ROOT, "%.2f", stored.thresholds().likely()),
                        String.format(Locale.ROOT, "%.1f%%", 100 * stored.holdFalsePositiveRate()),
                        String.format(Locale.ROOT, "%.2f", stored.holdF1()),
                        String.format(Locale.ROOT, "%.2f", stored.likelyF1())))
                .orElse(null);
        return new SpamFilterPage(
                filter.enabled(),
                model,
                store.countDecisions(),
                store.countUploaded(),
                SpamTrainer.MINIMUM_PER_CLASS,
                notice,
                problem);
    }

    /** One line for the settings page: the model in use, its age, its examples and its estimate. */
    static String summary(SpamFilter filter, Clock clock) {
        if (!filter.enabled()) {
            return "Switched off: the rules alone decide.";
        }
        return filter.model()
                .map(stored -> String.format(
                        Locale.ROOT,
                        "Version %d, trained %s ago on %d examples; %s",
                        stored.version(),
                        age(Duration.between(stored.trainedAt(), clock.instant())),
                        stored.spamExamples() + stored.hamExamples(),
                        stored.thresholds().holds()
                                ? String.format(
                                        Locale.ROOT,
                                        "estimated false-positive rate %.1f%% at the hold threshold.",
                                        100 * stored.holdFalsePositiveRate())
                                : "it marks likely spam but " + SpamTrainer.holdsNothingYet(stored.hamExamples())
                                        + "."))
                .orElse("No model yet: the rules alone decide until the desk has marked enough spam and approved"
                        + " enough comments.");
    }

    static String age(Duration age) {
        if (age.toMinutes() < 1) {
            return "less than a minute";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + (age.toMinutes() == 1 ? " minute" : " minutes");
        }
        if (age.toDays() < 1) {
            return age.toHours() + (age.toHours() == 1 ? " hour" : " hours");
        }
        return age.toDays() + (age.toDays() == 1 ? " day" : " days");
    }
}
