package org.passerelle.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passerelle.runtime.problem.ProblemType;

/**
 * An address or headers too long are refused by the HTTP codec with a bare 414 or 431 that no problem mapper sees.
 * The codec's own limits are therefore set well above Passerelle's ({@code quarkus.http.limits.*} in the runtime's
 * configuration); this route holds requests to Passerelle's limits and answers 414 and 431 as problem+json in the
 * caller's language, naming the limit. Only a request beyond the codec's limits still gets its bare answer.
 */
@ApplicationScoped
public class RequestHeadLimits {

    /** Bytes that frame each header line: ": " and CRLF. */
    private static final int HEADER_FRAMING = 4;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "passerelle.http.limits.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @ConfigProperty(name = "passerelle.http.limits.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    void install(@Observes Router router) {
        long headerLimit = maxHeaderSize.asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(context -> {
            if (context.request().uri().length() > maxUriLength) {
                RoutingProblems.refuse(context, json, ProblemType.URI_TOO_LONG, maxUriLength);
            } else if (headerBytes(context.request()) > headerLimit) {
                RoutingProblems.refuse(context, json, ProblemType.HEADERS_TOO_LARGE, headerLimit);
            } else {
                context.next();
            }
        });
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (var header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + HEADER_FRAMING;
        }
        return bytes;
    }
}
