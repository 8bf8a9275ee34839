package org.passerelle.mobility.documents.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.passerelle.mobility.documents.Documents;
import org.passerelle.runtime.security.Caller;

/**
 * The caller as documents see them: staff act for the institution of their token, the international office (admin)
 * for all, a student for the mobilities of their email.
 */
@RequestScoped
class Callers {

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    Documents.Caller current() {
        boolean staff = caller.isInternationalOffice() || caller.hasRole("coordinator") || caller.hasRole("integration");
        String subject = caller.subject() != null ? caller.subject() : identity.getPrincipal().getName();
        return new Documents.Caller(subject, caller.actingFor(), staff ? null : caller.email());
    }
}
