package news.broadsheet.page;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No page at this address or id (or none readers may see); answered with the friendly 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String what) {
        super("No page " + what);
    }
}
