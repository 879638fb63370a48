package news.broadsheet.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

/** Reads query parameters the same way on every endpoint, answering 400 with the reason when one is wrong. */
final class ApiParams {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final int MIN_YEAR = 0;
    private static final int MAX_YEAR = 9999;

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
                if (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
                    return (endOfDay ? date.plusDays(1) : date)
                            .atStartOfDay(zone)
                            .toInstant();
                }
            } else {
                OffsetDateTime time = OffsetDateTime.parse(text);
                if (time.getYear() >= MIN_YEAR && time.getYear() <= MAX_YEAR) {
                    return time.toInstant();
                }
            }
        } catch (DateTimeException e) {
            // answered below
        }
        // RFC 3339 has four-digit years; larger ones would also overflow epoch milliseconds.
        throw ApiProblem.badRequest(name
                + " must be a date (2026-05-01) or an RFC 3339 date-time (2026-05-01T09:30:00Z), years 0000 to 9999.");
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
        // Each name and value encoded strictly: a raw '+' in a query reads back as a space.
        StringBuilder next = new StringBuilder(site.absolute(request.getRequestURI()));
        char separator = '?';
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().equals("cursor")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                next.append(separator)
                        .append(encode(parameter.getKey()))
                        .append('=')
                        .append(encode(value));
                separator = '&';
            }
        }
        return next.append(separator).append("cursor=").append(encode(cursor)).toString();
    }

    private static String encode(String text) {
        return UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8).replace("+", "%2B");
    }
}
