package news.broadsheet.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One live story with its body (sanitised HTML), section trail, tags and corrections. */
public record ArticleDetail(
        long id,
        String slug,
        String headline,
        String standfirst,
        String url,
        SectionRef section,
        List<SectionRef> sectionTrail,
        List<AuthorItem> authors,
        List<TagItem> tags,
        String publishedAt,
        String updatedAt,
        boolean commentsOpen,
        @Nullable ImageItem leadImage,
        String bodyHtml,
        List<CorrectionItem> corrections,
        ArticleLinks links) {}
