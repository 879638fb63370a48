package news.broadsheet.comment.internal;

import java.time.Clock;
import java.util.Optional;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.comment.ModerationPolicy;
import news.broadsheet.comment.ModerationRules;
import news.broadsheet.comment.ModerationSettingsChanged;
import news.broadsheet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderation settings the desk edits, for {@link news.broadsheet.comment.Comments} (which
 * documents each method): the rules, and the policy overrides of sections and stories with what they
 * make of a story, each change recorded in the audit log.
 */
@Component
public class ModerationSettings {

    private final ModerationDecider decider;
    private final ModerationRulesStore rulesStore;
    private final ModerationSettingsRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModerationSettings(
            ModerationDecider decider,
            ModerationRulesStore rulesStore,
            ModerationSettingsRepository repository,
            ApplicationEventPublisher events,
            Clock clock) {
        this.decider = decider;
        this.rulesStore = rulesStore;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    public ModerationPolicy moderationPolicy(ArticleSummary article) {
        return decider.policy(article);
    }

    public boolean commentsOpen(ArticleSummary article) {
        return article.commentsOpen() && !decider.closedByAge(article, clock.instant());
    }

    public ModerationRules rules() {
        return rulesStore.current();
    }

    @Transactional
    public void saveRules(Actor actor, ModerationRules rules) {
        rulesStore.save(rules);
        events.publishEvent(new ModerationSettingsChanged(
                actor,
                "rules",
                null,
                rules.bannedWords().size() + " banned and "
                        + rules.suspectWords().size() + " suspect words; links "
                        + rules.maxLinks() + ", flood " + rules.floodPerMinute() + "/min, repeat window "
                        + rules.repeatWindowMinutes() + " min"));
    }

    public Optional<news.broadsheet.comment.PolicyOverride> policyOverride(String scope, long id) {
        return repository
                .policy(scope, id)
                .map(p -> new news.broadsheet.comment.PolicyOverride(
                        ModerationPolicy.parse(p.moderation()), p.closeAfterDays()));
    }

    @Transactional
    public void setPolicy(
            Actor actor, String scope, long id, @Nullable ModerationPolicy policy, @Nullable Integer closeAfterDays) {
        repository.savePolicy(scope, id, policy == null ? null : policy.value(), closeAfterDays);
        events.publishEvent(new ModerationSettingsChanged(
                actor,
                scope,
                id,
                "policy " + (policy == null ? "inherited" : policy.value()) + ", closes after "
                        + (closeAfterDays == null ? "inherited" : closeAfterDays + " days")));
    }
}
