package org.passerelle.mobility.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.mobility.MobilityProblems;
import org.passerelle.mobility.MobilityService;
import org.passerelle.mobility.documents.events.SignedLearningAgreementAttached;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The signed copy of a learning agreement version: a PDF kept like the mobility's other documents (same storage,
 * same readers, same erasure), bound to the version it signs by that version's content hash, which the upload must
 * name: a copy signed on content that is not the version's is refused. Each new copy of a version is the next
 * document version of the kind SIGNED_LEARNING_AGREEMENT; the latest for a version is its signed copy.
 */
@ApplicationScoped
public class SignedLearningAgreements {

    public static final String KIND = "SIGNED_LEARNING_AGREEMENT";

    /** A signed copy as the form gives it: the content hash it claims to sign, the file's name and where it was spooled. */
    public record SignedCopy(String contentHash, String fileName, Path file) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    MobilityService mobilities;

    @Inject
    Documents documents;

    @Inject
    Outbox outbox;

    /**
     * Keeps the signed copy of version {@code number}. By whoever sees the mobility (its parties and the international
     * office) while it is open; refused, with nothing stored, for a hash that is not the version's, or a file that is
     * not a PDF by its content (or empty, too large, badly named).
     */
    @Transactional
    public Document attach(UUID mobilityId, int number, Documents.Caller caller, SignedCopy copy) {
        var mobility = mobilities.find(mobilityId, caller.actingFor(), caller.studentEmail());
        if (!Checklists.OPEN.contains(mobility.status)) {
            throw new ProblemException(MobilityProblems.WRONG_STATUS, mobility.status, "attach a signed learning agreement");
        }
        var upload = new Documents.Upload(KIND, null, null, copy.fileName(), copy.file());
        var problems = new InvalidFieldsException.Collector();
        problems.check(copy.contentHash() != null && !copy.contentHash().isBlank(), "contentHash", "document.content-hash-needed");
        problems.throwIfAny();
        Documents.checkForm(upload);
        var version = version(mobilityId, number, true);
        if (!version.contentHash().equals(copy.contentHash().strip())) {
            throw new ProblemException(DocumentProblems.SIGNED_COPY_MISMATCH, copy.contentHash().strip(), number, version.contentHash());
        }
        String mediaType = Documents.checkContent(copy.file());
        if (!mediaType.equals("application/pdf")) {
            throw new ProblemException(DocumentProblems.UNSUPPORTED_TYPE, mediaType);
        }
        var document = documents.keep(mobility, upload, mediaType, caller.subject(), new Documents.Signs(version.id(), version.contentHash()));
        outbox.append(mobilityId, new SignedLearningAgreementAttached(document.id, mobilityId, number, version.contentHash(),
                document.sizeBytes, document.sha256, document.uploadedAt));
        return document;
    }

    /** The latest signed copy of version {@code number}, for a caller who sees the mobility; not found if none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Document of(UUID mobilityId, int number, Documents.Caller caller) {
        mobilities.find(mobilityId, caller.actingFor(), caller.studentEmail());
        var version = version(mobilityId, number, false);
        return entityManager.createQuery("from Document where learningAgreementVersion = ?1 order by version desc", Document.class)
                .setParameter(1, version.id()).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    private record Version(UUID id, String contentHash) {
    }

    /**
     * The version of the mobility's learning agreement with this number; for an upload, its agreement is locked, so
     * that the signed copies of one mobility take turns (each is the next document version).
     */
    @SuppressWarnings("unchecked")
    private Version version(UUID mobilityId, int number, boolean lock) {
        if (lock) {
            entityManager.createNativeQuery("select revision from learning_agreement where mobility_id = ?1 for update")
                    .setParameter(1, mobilityId).getResultList();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, content_hash from learning_agreement_version where mobility_id = ?1 and number = ?2""")
                .setParameter(1, mobilityId).setParameter(2, number).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        return new Version((UUID) rows.get(0)[0], (String) rows.get(0)[1]);
    }
}
