package news.broadsheet.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No live article answers to the request; drafts and scheduled stories are reported the same way. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(String what) {
        super("No live article " + what);
    }
}
