package org.passerelle.runtime.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Builds problem+json responses in the language the client asked for. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, HttpHeaders headers, UriInfo uri, Object... arguments) {
        return of(type, List.of(), null, headers, uri, arguments);
    }

    public static Response of(ProblemType type, List<Problem.FieldError> errors, String reference,
                              HttpHeaders headers, UriInfo uri, Object... arguments) {
        Locale locale = locale(headers);
        var problem = new Problem(type.uri(), ProblemMessages.title(type, locale), type.status(),
                ProblemMessages.detail(type, locale, arguments), instance(uri), errors, reference);
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(problem)
                .build();
    }

    public static Locale locale(HttpHeaders headers) {
        return ProblemMessages.locale(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static URI instance(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        try {
            return URI.create(uri.getRequestUri().getRawPath());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
