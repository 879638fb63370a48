package news.broadsheet.section;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No section lives at the requested path. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SectionNotFoundException extends RuntimeException {

    public SectionNotFoundException(String path) {
        super("No section at " + path);
    }
}
