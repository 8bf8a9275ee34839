package org.passerelle.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The use cases of institutions; each change and its event commit together. */
@ApplicationScoped
public class InstitutionService {

    @Inject
    InstitutionRepository institutions;

    @Inject
    EntityManager entityManager;

    @Inject
    DomainEvents events;

    @Transactional
    public Institution register(InstitutionDetails details) {
        requireCodesFree(null, details);
        var registered = Institution.register(details, Instant.now());
        institutions.persist(registered.institution());
        events.publishInstitutionEvents(registered.events());
        return registered.institution();
    }

    /** Changes an institution the caller read at {@code expectedVersion}; 412 if it changed since. */
    @Transactional
    public Institution change(UUID id, long expectedVersion, InstitutionDetails details) {
        var institution = find(id);
        if (institution.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
        // checked before the change: its flush would otherwise meet a unique constraint without naming the field
        requireCodesFree(id, details);
        var changed = institution.change(details, Instant.now());
        // a change of units alone touches only the unit rows: the institution's version (its ETag) must move too
        entityManager.lock(institution, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        events.publishInstitutionEvents(changed);
        return institution;
    }

    /**
     * Publishes InstitutionRegistered for the institutions that never had it (those the migrations seeded), once:
     * the rows are locked, so a second instance starting at the same time finds them announced.
     */
    @Transactional
    public int announceSeeded() {
        List<Institution> unannounced = institutions.unannouncedForUpdate();
        Instant now = Instant.now();
        unannounced.forEach(institution -> events.publishInstitutionEvents(institution.announceRegistration(now)));
        return unannounced.size();
    }

    /** Each code identifies one institution: current and previous SCHAC codes, the Erasmus code and the PIC. */
    private void requireCodesFree(UUID self, InstitutionDetails details) {
        requireFree(self, institutions.findBySchacCode(details.schacCode()), "schacCode", details.schacCode());
        List<String> previous = details.previousSchacCodes();
        for (int i = 0; i < previous.size(); i++) {
            requireFree(self, institutions.findBySchacCode(previous.get(i)), "previousSchacCodes[" + i + "]", previous.get(i));
        }
        requireFree(self, institutions.findByErasmusCode(details.erasmusCode()), "erasmusCode", details.erasmusCode());
        requireFree(self, institutions.findByPic(details.pic()), "pic", details.pic());
    }

    private static void requireFree(UUID self, Optional<Institution> owner, String field, String code) {
        if (owner.isPresent() && !owner.get().id.equals(self)) {
            throw new FieldConflict(IdentityProblems.CODE_TAKEN, field, "institution.code-taken", code, owner.get().schacCode);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Institution find(UUID id) {
        return institutions.findByIdOptional(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }
}
