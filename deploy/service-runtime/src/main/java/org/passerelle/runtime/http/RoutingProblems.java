package org.passerelle.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemMessages;
import org.passerelle.runtime.problem.ProblemType;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** A problem+json answer given by an HTTP route, before the REST layer and its problem mappers see the request. */
final class RoutingProblems {

    private RoutingProblems() {
    }

    /** Answers the problem in the caller's language and closes the connection: the rest of the request is not read. */
    static void refuse(RoutingContext context, ObjectMapper json, ProblemType type, Object... arguments) {
        Locale locale = ProblemMessages.locale(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        var problem = new Problem(type.uri(), ProblemMessages.title(type, locale), type.status(),
                ProblemMessages.detail(type, locale, arguments), instance(context), List.of(), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static URI instance(RoutingContext context) {
        try {
            return URI.create(context.request().path());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
