package org.passerelle.mobility.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.apache.tika.Tika;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityProblems;
import org.passerelle.mobility.MobilityService;
import org.passerelle.mobility.documents.events.DocumentAccepted;
import org.passerelle.mobility.documents.events.DocumentRejected;
import org.passerelle.mobility.documents.events.DocumentSubmitted;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.privacy.ChangeAudit;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Documents handed in for the lines of a mobility's checklist, and their review. Whoever sees the mobility (the
 * student, the coordinators of both sides, the international office) hands in and reads its documents; the
 * coordinator of the side the line names reviews them.
 */
@ApplicationScoped
public class Documents {

    /** 10 MiB: a scanned certificate or a photographed card fits easily. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_FILE_NAME = 255;
    static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    /** Tika reads the type from the first bytes of the content (its magic numbers), never from the name. */
    private static final Tika TIKA = new Tika();

    /** Who calls: the token's subject, the institution staff act for (null for the international office), a student's email. */
    public record Caller(String subject, String actingFor, String studentEmail) {
    }

    /** An upload as the form gives it: the line's kind, the validity the paper states, the file's name and where it was spooled. */
    public record Upload(String requirement, LocalDate validFrom, LocalDate validUntil, String fileName, Path file) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    MobilityService mobilities;

    @Inject
    Checklists checklists;

    @Inject
    DocumentContents contents;

    @Inject
    Outbox outbox;

    @Inject
    ChangeAudit audit;

    /**
     * Hands in a new version of the document of a line. Refused, with nothing stored: a mobility the caller does not
     * see (404), a closed one, a line the checklist does not have, a file that is empty, too large, badly named or
     * not a PDF, JPEG or PNG by its content.
     */
    @Transactional
    public Document upload(UUID mobilityId, Caller caller, Upload upload) {
        var mobility = mobilities.find(mobilityId, caller.actingFor(), caller.studentEmail());
        if (!Checklists.OPEN.contains(mobility.status)) {
            throw new ProblemException(MobilityProblems.WRONG_STATUS, mobility.status, "hand in a document");
        }
        checkForm(upload);
        String mediaType = checkContent(upload.file());
        var checklist = checklists.recompute(mobility);   // locks the checklist: uploads of one mobility take turns
        if (checklist.lines().stream().noneMatch(l -> l.requirement().kind().equals(upload.requirement()))) {
            throw new ProblemException(DocumentProblems.NOT_ON_CHECKLIST, upload.requirement(),
                    String.join(", ", checklist.lines().stream().map(l -> l.requirement().kind()).toList()));
        }
        var document = keep(mobility, upload, mediaType, caller.subject(), null);
        outbox.append(mobility.id, DocumentSubmitted.of(document));
        audit.record("POST /api/mobilities/{id}/documents", List.of(mobility.personId), uploadedFields(document));
        checklists.refreshCompletion(mobility.id, checklists.read(mobility.id), document.uploadedAt);
        return document;
    }

    /** What a signed copy of a learning agreement is bound to: the version it signs and that version's content hash. */
    record Signs(UUID learningAgreementVersion, String contentHash) {
    }

    /** Keeps the upload as the next version of its kind, its bytes with it; {@code signs} only for a signed learning agreement. */
    Document keep(Mobility mobility, Upload upload, String mediaType, String by, Signs signs) {
        var document = newVersion(mobility, upload, mediaType, by, signs);
        try (InputStream in = Files.newInputStream(upload.file())) {
            contents.write(document.id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return document;
    }

    private Document newVersion(Mobility mobility, Upload upload, String mediaType, String by, Signs signs) {
        List<Document> earlier = entityManager.createQuery(
                        "from Document where mobilityId = ?1 and kind = ?2 order by version desc", Document.class)
                .setParameter(1, mobility.id).setParameter(2, upload.requirement()).getResultList();
        earlier.stream().filter(d -> d.current).forEach(d -> d.current = false);
        entityManager.flush();   // the old version stops being current before the new one is
        var d = new Document();
        d.id = UUID.randomUUID();
        d.mobilityId = mobility.id;
        d.kind = upload.requirement();
        d.version = earlier.isEmpty() ? 1 : earlier.get(0).version + 1;
        d.current = true;
        d.fileName = upload.fileName();
        d.mediaType = mediaType;
        d.sizeBytes = size(upload.file());
        d.sha256 = sha256(upload.file());
        d.validFrom = upload.validFrom();
        d.validUntil = upload.validUntil();
        d.status = DocumentStatus.SUBMITTED;
        d.uploadedBy = by;
        d.uploadedAt = Instant.now();
        if (signs != null) {
            d.learningAgreementVersion = signs.learningAgreementVersion();
            d.learningAgreementHash = signs.contentHash();
        }
        entityManager.persist(d);
        entityManager.flush();   // the row exists before its content refers to it
        return d;
    }

    /** The form's fields: a kind, a file with a plain name (no folder, no control character, not even a tab: it goes in headers), dates in order. */
    static void checkForm(Upload upload) {
        var problems = new InvalidFieldsException.Collector();
        problems.check(upload.requirement() != null && !upload.requirement().isBlank(), "requirement", "document.requirement-needed");
        problems.check(upload.file() != null, "file", "document.file-needed");
        String name = upload.fileName();
        if (upload.file() != null) {
            problems.check(name != null && !name.isBlank(), "file", "document.name-needed")
                    .check(name == null || name.length() <= MAX_FILE_NAME, "file", "document.name-too-long", MAX_FILE_NAME)
                    .check(name == null || (name.indexOf('/') < 0 && name.indexOf('\\') < 0 && !name.equals("..")
                            && name.chars().noneMatch(Character::isISOControl)), "file", "document.name-not-plain");
        }
        problems.check(upload.validFrom() == null || upload.validUntil() == null || !upload.validUntil().isBefore(upload.validFrom()),
                "validUntil", "document.validity-order");
        problems.throwIfAny();
    }

    /** The size first (an empty or too large file is refused before it is read), then the type its content shows. */
    static String checkContent(Path file) {
        long size = size(file);
        if (size == 0) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.InvalidField("file", "document.empty")));
        }
        if (size > MAX_BYTES) {
            throw new ProblemException(DocumentProblems.TOO_LARGE, size, MAX_BYTES);
        }
        String detected;
        try (InputStream in = Files.newInputStream(file)) {
            detected = TIKA.detect(in);   // the content alone: no name is given, so none is trusted
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ACCEPTED_TYPES.contains(detected)) {
            throw new ProblemException(DocumentProblems.UNSUPPORTED_TYPE, detected);
        }
        return detected;
    }

    /** Every version handed in for the mobility, as the caller may see it: line by line, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Document> history(UUID mobilityId, Caller caller) {
        mobilities.find(mobilityId, caller.actingFor(), caller.studentEmail());
        return entityManager.createQuery("from Document where mobilityId = ?1 order by kind, version", Document.class)
                .setParameter(1, mobilityId).getResultList();
    }

    /** One document of a mobility the caller sees; any other is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Document find(UUID mobilityId, UUID documentId, Caller caller) {
        mobilities.find(mobilityId, caller.actingFor(), caller.studentEmail());
        var document = entityManager.find(Document.class, documentId);
        if (document == null || !document.mobilityId.equals(mobilityId)) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        return document;
    }

    /** What an upload wrote of the person's documents, by name (the file, and its validity where given). */
    static List<String> uploadedFields(Document document) {
        String prefix = "documents." + document.kind + ".";
        var fields = new java.util.ArrayList<>(List.of(prefix + "file"));
        if (document.validFrom != null) {
            fields.add(prefix + "validFrom");
        }
        if (document.validUntil != null) {
            fields.add(prefix + "validUntil");
        }
        return fields;
    }

    /** Whose documents the mobility's are: its person, as reads of personal data name them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID personOf(UUID mobilityId) {
        return entityManager.find(Mobility.class, mobilityId).personId;
    }

    @Transactional
    public Document accept(UUID mobilityId, UUID documentId, Caller caller) {
        var document = reviewable(mobilityId, documentId, caller);
        document.accept(caller.subject(), Instant.now());
        entityManager.flush();
        outbox.append(mobilityId, DocumentAccepted.of(document));
        audit.record("POST /api/mobilities/{id}/documents/{documentId}/acceptance", List.of(personOf(mobilityId)),
                List.of("documents." + document.kind + ".status"));
        checklists.refreshCompletion(mobilityId, checklists.read(mobilityId), document.reviewedAt);
        return document;
    }

    @Transactional
    public Document reject(UUID mobilityId, UUID documentId, Caller caller, String reason) {
        var document = reviewable(mobilityId, documentId, caller);
        document.reject(reason, caller.subject(), Instant.now());
        entityManager.flush();
        outbox.append(mobilityId, DocumentRejected.of(document));
        audit.record("POST /api/mobilities/{id}/documents/{documentId}/rejection", List.of(personOf(mobilityId)),
                List.of("documents." + document.kind + ".status", "documents." + document.kind + ".reason"));
        checklists.refreshCompletion(mobilityId, checklists.read(mobilityId), document.reviewedAt);
        return document;
    }

    /** The document, locked, if the caller is the coordinator of the side its line names (or the international office). */
    private Document reviewable(UUID mobilityId, UUID documentId, Caller caller) {
        var mobility = mobilities.find(mobilityId, caller.actingFor(), null);
        var checklist = checklists.recompute(mobility);
        var document = entityManager.find(Document.class, documentId, LockModeType.PESSIMISTIC_WRITE);
        if (document == null || !document.mobilityId.equals(mobilityId)) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        var line = checklist.lines().stream().filter(l -> l.requirement().kind().equals(document.kind)).findFirst()
                .orElseThrow(() -> new ProblemException(DocumentProblems.NOT_ON_CHECKLIST, document.kind, "-"));
        String reviewer = line.requirement().checkedBy() == Requirement.CheckedBy.SENDING
                ? mobility.sendingInstitution : mobility.receivingInstitution;
        if (caller.actingFor() != null && !caller.actingFor().equals(reviewer)) {
            throw new ProblemException(DocumentProblems.NOT_REVIEWING_SIDE, reviewer, line.requirement().kind());
        }
        return document;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read from the spooled file, never from memory. */
    private static String sha256(Path file) {
        try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
