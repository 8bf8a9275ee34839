package org.passerelle.runtime.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * OPTIONS on an address answers the methods that address takes, as its 405 does: the REST layer's own answer
 * lists every method of the resource class (PUT and DELETE on /api/agreements, which takes neither). A CORS
 * preflight is answered before this, by the CORS filter, and keeps its own headers.
 */
public class OptionsAnswers {

    @Inject
    AllowedMethods allowedMethods;

    @ServerResponseFilter
    public void allow(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || response.getStatus() >= 300) {
            return;
        }
        String allowed = allowedMethods.at(request.getUriInfo().getPath());
        if (!allowed.isEmpty()) {
            response.getHeaders().putSingle(HttpHeaders.ALLOW, allowed);
        }
    }
}
