package org.passerelle.runtime.http;

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
import org.passerelle.runtime.problem.ProblemType;


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
        // the body is not read: the connection is closed after the answer, as Quarkus does
        RoutingProblems.refuse(context, json, ProblemType.PAYLOAD_TOO_LARGE, limit);
    }
}
