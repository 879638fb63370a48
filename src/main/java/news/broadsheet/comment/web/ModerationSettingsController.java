package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.comment.CommentSettings;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.ModerationPolicy;
import news.broadsheet.comment.ModerationRules;
import news.broadsheet.comment.PolicyOverride;
import news.broadsheet.comment.internal.ModerationRulesStore;
import news.broadsheet.comment.internal.spam.SpamFilter;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The desk's settings: word lists and thresholds, and comment policies per section and per story. */
@Controller
class ModerationSettingsController {

    private final Comments comments;
    private final Sections sections;
    private final CommentSettings settings;
    private final SiteSettings site;
    private final SpamFilter spamFilter;
    private final Clock clock;

    ModerationSettingsController(
            Comments comments,
            Sections sections,
            CommentSettings settings,
            SiteSettings site,
            SpamFilter spamFilter,
            Clock clock) {
        this.comments = comments;
        this.sections = sections;
        this.settings = settings;
        this.site = site;
        this.spamFilter = spamFilter;
        this.clock = clock;
    }

    @GetMapping("/admin/comments/settings")
    String settings(@RequestParam(required = false) @Nullable String done, Model model) {
        model.addAttribute("page", page(done != null ? "Settings saved." : null, null));
        return "admin/comment/settings";
    }

    @PostMapping("/admin/comments/settings")
    String saveRules(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String bannedWords,
            @RequestParam(defaultValue = "") String suspectWords,
            @RequestParam(defaultValue = "") String maxLinks,
            @RequestParam(defaultValue = "") String repeatWindowMinutes,
            @RequestParam(defaultValue = "") String floodPerMinute,
            @RequestParam(defaultValue = "") String rejectionRatePercent,
            @RequestParam(defaultValue = "") String rejectionRateMinimum,
            HttpServletResponse response,
            Model model) {
        List<String> numbers =
                List.of(maxLinks, repeatWindowMinutes, floodPerMinute, rejectionRatePercent, rejectionRateMinimum);
        if (numbers.stream().anyMatch(n -> !n.strip().matches("\\d{1,5}"))
                || Integer.parseInt(floodPerMinute.strip()) < 1
                || Integer.parseInt(rejectionRatePercent.strip()) > 100
                || !Text.fits(bannedWords, 20_000)
                || !Text.fits(suspectWords, 20_000)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(
                    "page",
                    page(
                            null,
                            "Use whole numbers (a flood limit of at least 1, a rate of at most 100) and word lists"
                                    + " of up to 20,000 characters."));
            return "admin/comment/settings";
        }
        comments.saveRules(
                staff.actor(),
                new ModerationRules(
                        ModerationRulesStore.parseWords(bannedWords),
                        ModerationRulesStore.parseWords(suspectWords),
                        Integer.parseInt(maxLinks.strip()),
                        Integer.parseInt(repeatWindowMinutes.strip()),
                        Integer.parseInt(floodPerMinute.strip()),
                        Integer.parseInt(rejectionRatePercent.strip()),
                        Integer.parseInt(rejectionRateMinimum.strip())));
        return "redirect:/admin/comments/settings?done";
    }

    @PostMapping("/admin/comments/bans/{id}/lift")
    String liftBan(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id) {
        comments.liftBan(staff.actor(), id);
        return "redirect:/admin/comments/settings?done";
    }

    @PostMapping("/admin/comments/policy")
    String savePolicy(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String policy,
            @RequestParam(defaultValue = "") String closeAfterDays,
            HttpServletResponse response,
            Model model) {
        boolean validScope = scope.equals("section") || scope.equals("article");
        ModerationPolicy chosen = ModerationPolicy.parse(policy);
        boolean validDays = closeAfterDays.isBlank() || closeAfterDays.strip().matches("\\d{1,4}");
        if (!validScope || !id.matches("\\d{1,18}") || (chosen == null && !policy.isBlank()) || !validDays) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(
                    "page",
                    page(null, "Choose a section or story, a policy, and a number of days (or leave it empty)."));
            return "admin/comment/settings";
        }
        comments.setPolicy(
                staff.actor(),
                scope,
                Long.parseLong(id),
                chosen,
                closeAfterDays.isBlank() ? null : Integer.valueOf(closeAfterDays.strip()));
        return "redirect:/admin/comments/settings?done";
    }

    private SettingsPage page(@Nullable String notice, @Nullable String problem) {
        ModerationRules rules = comments.rules();
        List<SettingsPage.SectionPolicy> sectionPolicies = new ArrayList<>();
        for (Section section : sections.all()) {
            PolicyOverride override =
                    comments.policyOverride("section", section.id()).orElse(null);
            sectionPolicies.add(new SettingsPage.SectionPolicy(
                    section.id(),
                    "/" + section.path(),
                    override == null || override.policy() == null
                            ? ""
                            : override.policy().value(),
                    override == null || override.closeAfterDays() == null
                            ? ""
                            : String.valueOf(override.closeAfterDays())));
        }
        List<SettingsPage.Choice> choices = new ArrayList<>();
        choices.add(new SettingsPage.Choice("", "Inherit"));
        for (ModerationPolicy policy : ModerationPolicy.values()) {
            choices.add(new SettingsPage.Choice(policy.value(), policy.label()));
        }
        return new SettingsPage(
                rules,
                SpamFilterController.summary(spamFilter, clock),
                String.join("\n", rules.bannedWords()),
                String.join("\n", rules.suspectWords()),
                settings.policy().label(),
                settings.closeAfterDays(),
                sectionPolicies,
                choices,
                comments.activeBans().stream()
                        .map(b -> new SettingsPage.BanRow(
                                b.id(),
                                b.email() == null ? "(address only)" : b.email(),
                                b.reason(),
                                b.until() == null
                                        ? "for good"
                                        : "until "
                                                + DisplayTime.of(b.until(), site.timeZone())
                                                        .label(),
                                b.createdBy()))
                        .toList(),
                notice,
                problem);
    }
}
