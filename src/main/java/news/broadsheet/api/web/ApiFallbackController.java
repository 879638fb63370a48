package news.broadsheet.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;
import news.broadsheet.api.internal.ApiProblems;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Answers whatever no API route takes: 406 when the route refuses the Accept header, 405 (with
 * Allow) when the address exists for other methods, otherwise 404, both as problem details. Without it the site's catch-all page route would answer
 * unknown API addresses with an HTML page.
 */
@RestController
class ApiFallbackController implements ApiEndpoint {

    private final RequestMappingHandlerMapping mappings;
    private final ApiProblems problems;

    ApiFallbackController(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings, ApiProblems problems) {
        this.mappings = mappings;
        this.problems = problems;
    }

    @RequestMapping({"/api", "/api/**"})
    void fallback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        TreeSet<String> allowed = new TreeSet<>();
        boolean unacceptable = false;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            if (mapping.getValue().getBeanType() == ApiFallbackController.class
                    || mapping.getKey().getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern :
                    mapping.getKey().getPathPatternsCondition().getPatterns()) {
                if (pattern.getPatternString().startsWith("/api/") && pattern.matches(path)) {
                    for (RequestMethod method :
                            mapping.getKey().getMethodsCondition().getMethods()) {
                        allowed.add(method.name());
                        if (method == RequestMethod.GET) {
                            allowed.add("HEAD");
                        }
                        if (method.name().equals(request.getMethod())
                                || (method == RequestMethod.GET
                                        && request.getMethod().equals("HEAD"))) {
                            // The route takes this method, so only its media types can have refused the request.
                            unacceptable = true;
                        }
                    }
                }
            }
        }
        if (unacceptable) {
            problems.write(request, response, 406, "This address answers in application/json only.");
        } else if (allowed.isEmpty()) {
            problems.write(request, response, 404, "There is nothing at this address in the API.");
        } else {
            allowed.add("OPTIONS");
            problems.write(
                    request,
                    response,
                    405,
                    "This address does not accept " + request.getMethod() + ".",
                    null,
                    Map.of("Allow", String.join(", ", allowed)));
        }
    }
}
