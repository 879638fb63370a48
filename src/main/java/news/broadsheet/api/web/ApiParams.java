package news.broadsheet.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** Reads query parameters the same way on every endpoint, answering 400 with the reason when one is wrong. */
final class ApiParams {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private ApiParams() {}

    static int limit(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    /**
     * A date ({@code 2026-05-01}, read in the newsroom's time zone) or an RFC 3339 date-time. A date
     * given as {@code until} includes that whole day.
     */
    static @Nullable Instant time(String name, @Nullable String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(
                    name + " must be a date (2026-05-01) or an RFC 3339 date-time (2026-05-01T09:30:00Z).");
        }
    }

    /** A numeric id from the path; anything else names no resource. */
    static long id(String value, String what) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.notFound("There is no " + what + " with id " + value + ".");
    }

    /** The same request's absolute address with another cursor, for {@code links.next}. */
    static @Nullable String next(HttpServletRequest request, SiteSettings site, @Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        UriComponentsBuilder next = UriComponentsBuilder.fromUriString(site.absolute(request.getRequestURI()));
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!parameter.getKey().equals("cursor")) {
                next.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
            }
        }
        return next.queryParam("cursor", cursor).encode().build().toUriString();
    }
}
