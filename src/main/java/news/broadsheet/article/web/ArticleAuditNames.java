package news.broadsheet.article.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import news.broadsheet.article.internal.ArticleWorkflow;
import news.broadsheet.shared.AuditSubjectNames;
import org.springframework.stereotype.Component;

/** Names the stories in the audit log by their current headline and links them to the editor. */
@Component
class ArticleAuditNames implements AuditSubjectNames {

    private final ArticleWorkflow workflow;

    ArticleAuditNames(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public String subjectType() {
        return "article";
    }

    @Override
    public Map<Long, Named> names(Collection<Long> ids) {
        Map<Long, Named> names = new LinkedHashMap<>();
        workflow.headlines(ids)
                .forEach((id, headline) -> names.put(id, new Named(headline, "/admin/articles/" + id + "/edit")));
        return names;
    }
}
