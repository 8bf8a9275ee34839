package org.passerelle.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemMessages;
import org.passerelle.runtime.problem.ProblemType;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before the REST layer
 * and its problem mappers see it: Quarkus would answer a bare 413. This route, placed just before Quarkus's own
 * check, answers the same 413 as problem+json in the caller's language, naming the limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final String PROPERTY = "quarkus.http.limits.max-body-size";
    /** Quarkus's default for the property. */
    private static final long DEFAULT_BYTES = 10_240L * 1024;

    @Inject
    ObjectMapper json;

    /** The largest body a request may carry, in bytes. */
    public static long bytes() {
        return ConfigProvider.getConfig().getOptionalValue(PROPERTY, MemorySize.class)
                .map(MemorySize::asLongValue).orElse(DEFAULT_BYTES);
    }

    void install(@Observes Router router) {
        long limit = bytes();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            if (declaredLength(context) > limit) {
                refuse(context, limit);
            } else {
                context.next();
            }
        });
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec refuses it itself
        }
    }

    private void refuse(RoutingContext context, long limit) {
        Locale locale = ProblemMessages.locale(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        var problem = new Problem(type.uri(), ProblemMessages.title(type, locale), type.status(),
                ProblemMessages.detail(type, locale, limit), instance(context), List.of(), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body is not read: the connection is closed after the answer, as Quarkus does
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
