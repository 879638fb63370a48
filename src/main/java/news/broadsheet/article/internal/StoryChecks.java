package news.broadsheet.article.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import news.broadsheet.article.EditArticle;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Slugs;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What makes content a story (a headline, a free address, a section, a byline, lengths): one set
 * of checks for the editor, the API and imports. The database facts they need come through {@link
 * Facts}, asked one by one for an edit or once per batch for an import.
 */
@Component
public class StoryChecks {

    /** Characters no field may hold: invisible, and PostgreSQL refuses NUL. */
    static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    /** The stored facts the checks read. */
    public interface Facts {
        boolean slugTakenByAnother(String slug, @Nullable Long articleId);

        boolean sectionExists(long sectionId);

        Map<Long, Author> authors(Collection<Long> authorIds);
    }

    private final ArticleRepository articles;
    private final Sections sections;
    private final Authors authors;

    StoryChecks(ArticleRepository articles, Sections sections, Authors authors) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
    }

    /** The facts as stored now, each asked when needed. */
    public Facts live() {
        return new Facts() {
            @Override
            public boolean slugTakenByAnother(String slug, @Nullable Long articleId) {
                Optional<Long> owner =
                        articles.findArticleIdBySlug(slug).or(() -> articles.findArticleIdByRetiredSlug(slug));
                return owner.isPresent() && !owner.get().equals(articleId);
            }

            @Override
            public boolean sectionExists(long sectionId) {
                return sections.byId(sectionId).isPresent();
            }

            @Override
            public Map<Long, Author> authors(Collection<Long> authorIds) {
                return authors.byIds(authorIds);
            }
        };
    }

    /**
     * Validates content and returns the slug it will have.
     *
     * @throws EditorialRefusedException INVALID, with a message per field
     */
    public String checked(EditArticle content, @Nullable Long articleId, Facts facts) {
        Map<String, String> errors = new LinkedHashMap<>();
        String headline = content.headline().strip();
        if (headline.isEmpty()) {
            errors.put("headline", "Please write a headline.");
        } else if (headline.length() > 300) {
            errors.put("headline", "Please keep the headline to 300 characters.");
        }
        if (content.standfirst().strip().length() > 1000) {
            errors.put("standfirst", "Please keep the standfirst to 1,000 characters.");
        }
        if (content.bodyMarkdown().length() > 200_000) {
            errors.put("body", "The body is over 200,000 characters; please split the story.");
        }
        for (var field : Map.of(
                        "headline", headline,
                        "standfirst", content.standfirst(),
                        "body", content.bodyMarkdown())
                .entrySet()) {
            if (CONTROL_CHARACTERS.matcher(field.getValue()).find()) {
                errors.putIfAbsent(field.getKey(), "This contains invisible control characters; please remove them.");
            }
        }
        String slug =
                content.slug().isBlank() ? Slugs.from(headline) : content.slug().strip();
        if (!Slugs.isValid(slug)) {
            errors.put("slug", "Use lowercase letters, digits and single hyphens, up to 100 characters.");
        } else if (facts.slugTakenByAnother(slug, articleId)) {
            errors.put("slug", "Another story already uses this address; choose another.");
        }
        if (!facts.sectionExists(content.sectionId())) {
            errors.put("sectionId", "Choose a section.");
        }
        for (long extra : content.extraSectionIds()) {
            if (!facts.sectionExists(extra)) {
                errors.put("extraSectionIds", "One of the extra sections does not exist.");
            }
        }
        if (content.authorIds().isEmpty()) {
            errors.put("authorIds", "Choose at least one author for the byline.");
        } else {
            var named = facts.authors(content.authorIds());
            if (named.size() != new LinkedHashSet<>(content.authorIds()).size()) {
                errors.put("authorIds", "One of the authors does not exist.");
            } else if (named.values().stream().anyMatch(a -> a.merged())) {
                errors.put("authorIds", "One of the bylines was merged into another; choose the one it became.");
            }
        }
        if (content.seoTitle() != null && !Text.fits(content.seoTitle(), 300)) {
            errors.put("seoTitle", "Please keep the search title to 300 characters, without control characters.");
        }
        if (content.seoDescription() != null && !Text.fits(content.seoDescription(), 500)) {
            errors.put(
                    "seoDescription",
                    "Please keep the search description to 500 characters, without control characters.");
        }
        if (content.tagNames().stream().anyMatch(tag -> !Text.fits(tag, 200))) {
            errors.put("tags", "Keep each tag to 200 characters, without control characters.");
        }
        if (!errors.isEmpty()) {
            throw new EditorialRefusedException(EditorialRefusedException.Kind.INVALID, errors);
        }
        return slug;
    }
}
