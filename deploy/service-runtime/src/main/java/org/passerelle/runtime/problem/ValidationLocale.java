package org.passerelle.runtime.problem;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

import java.util.Locale;

/**
 * The language of Bean Validation messages: the one the problem's title is in ({@link ProblemMessages#locale}).
 * Quarkus's own resolver filters Accept-Language instead of looking it up, so {@code fr-FR} or {@code zh-CN} found
 * no message bundle and fell back to English; this resolver is asked first and answers for every HTTP request.
 */
@Singleton
@Priority(100)
public class ValidationLocale implements LocaleResolver {

    @Inject
    CurrentVertxRequest request;

    @Override
    public Locale resolve(LocaleResolverContext context) {
        if (!Arc.container().requestContext().isActive() || request.getCurrent() == null) {
            return null; // not an HTTP request (an event consumer): the default locale
        }
        return ProblemMessages.locale(request.getCurrent().request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
