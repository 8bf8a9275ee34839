package org.passerelle.agreements;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The versions of agreements that came into force; see {@link AgreementVersion}. */
@ApplicationScoped
public class AgreementVersions implements PanacheRepositoryBase<AgreementVersion, AgreementVersion.Key> {

    /** Keeps the version the agreement just put in force, and notes that the one before is superseded. */
    void inForce(Agreement agreement, Instant at) {
        find(agreement, agreement.versionInForce - 1).ifPresent(previous -> previous.supersededAt = at);
        persist(AgreementVersion.of(agreement.id, agreement.versionInForce, agreement.content(), agreement.approvalsInForce(), at));
    }

    public List<AgreementVersion> of(Agreement agreement) {
        return list("agreementId = ?1 order by number", agreement.id);
    }

    public Optional<AgreementVersion> find(Agreement agreement, int number) {
        return findByIdOptional(new AgreementVersion.Key(agreement.id, number));
    }
}
