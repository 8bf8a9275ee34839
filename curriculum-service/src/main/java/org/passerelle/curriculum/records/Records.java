package org.passerelle.curriculum.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.passerelle.curriculum.CurriculumProblems;
import org.passerelle.curriculum.FieldProblem;
import org.passerelle.curriculum.events.ResultsRecognised;
import org.passerelle.curriculum.events.TranscriptCorrected;
import org.passerelle.curriculum.events.TranscriptData;
import org.passerelle.curriculum.events.TranscriptIssued;
import org.passerelle.curriculum.grading.ConversionTable;
import org.passerelle.curriculum.grading.Grading;
import org.passerelle.curriculum.grading.GradingScale;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Transcripts of records and their recognition at home. Every check runs before anything is written, in one
 * transaction that locks the mobility's copy, so a refused request leaves nothing behind and two issuers of the
 * same mobility take turns.
 */
@ApplicationScoped
public class Records {

    /** Who reads or acts: the institution the caller acts for (null: the international office, for all), or a student's email. */
    public record Viewer(String institution, String studentEmail, String account) {

        boolean admin() {
            return institution == null && studentEmail == null;
        }

        boolean sees(MobilityCopy mobility) {
            if (studentEmail != null) {
                return mobility.studentEmail != null && mobility.studentEmail.equalsIgnoreCase(studentEmail);
            }
            return institution == null || mobility.involves(institution);
        }
    }

    public record ResultDraft(UUID sessionId, String grade, LocalDate assessedOn) {
    }

    public record ComponentDraft(UUID sessionId, List<String> homeCourses, boolean extraCredits, String outsideAgreementReason) {
    }

    /**
     * The bulk request's creation key (null without an Idempotency-Key) and the row, recorded on what the row makes;
     * the conversion tables the request has looked up so far, so that each is looked up once.
     */
    public record BulkRow(UUID creationKey, int row, Map<List<UUID>, Optional<ConversionTable>> tablesSeen) {
    }

    /** A mobility's transcript versions, oldest first, and its recognition if any. */
    public record History(MobilityCopy mobility, List<Transcript> versions, Optional<Recognition> recognition) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Grading grading;

    @Inject
    Outbox outbox;

    @Transactional
    public Transcript issue(UUID mobilityId, UUID scaleId, List<ResultDraft> results, Viewer viewer) {
        return issue(mobilityId, scaleId, results, viewer, null);
    }

    /** Issues in the caller's transaction, which a refusal leaves untouched (everything is checked before writing). */
    Transcript issue(UUID mobilityId, UUID scaleId, List<ResultDraft> results, Viewer viewer, BulkRow row) {
        var mobility = lockedForIssuer(mobilityId, viewer);
        if (!versions(mobilityId).isEmpty()) {
            throw new FieldProblem(CurriculumProblems.TRANSCRIPT_EXISTS, "mobilityId", "transcript.exists");
        }
        var transcript = write(mobility, 1, scaleId, results, null, viewer, row);
        outbox.append(mobilityId, new TranscriptIssued(mobilityId, mobility.sendingInstitution, mobility.receivingInstitution,
                1, transcript.scaleId, data(transcript), transcript.issuedAt));
        return transcript;
    }

    @Transactional
    public Transcript correct(UUID mobilityId, String reason, UUID scaleId, List<ResultDraft> results, Viewer viewer) {
        var mobility = lockedForIssuer(mobilityId, viewer);
        var versions = versions(mobilityId);
        if (versions.isEmpty()) {
            throw new FieldProblem(CurriculumProblems.NO_TRANSCRIPT, "mobilityId", "transcript.none");
        }
        int version = versions.get(versions.size() - 1).version + 1;
        var transcript = write(mobility, version, scaleId, results, reason, viewer, null);
        outbox.append(mobilityId, new TranscriptCorrected(mobilityId, mobility.sendingInstitution, mobility.receivingInstitution,
                version, reason, transcript.scaleId, data(transcript), transcript.issuedAt));
        return transcript;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public History history(UUID mobilityId, Viewer viewer) {
        var mobility = visible(mobilityId, viewer, LockModeType.NONE);
        var versions = versions(mobilityId);
        if (versions.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        return new History(mobility, versions, recognition(mobilityId));
    }

    @Transactional
    public Recognition recognise(UUID mobilityId, UUID homeScaleId, String referenceGroup, List<ComponentDraft> drafts, Viewer viewer) {
        return recognise(mobilityId, homeScaleId, referenceGroup, drafts, viewer, null);
    }

    /** Recognises in the caller's transaction, which a refusal leaves untouched (everything is checked before writing). */
    Recognition recognise(UUID mobilityId, UUID homeScaleId, String referenceGroup, List<ComponentDraft> drafts, Viewer viewer,
                          BulkRow row) {
        var mobility = visible(mobilityId, viewer, LockModeType.PESSIMISTIC_WRITE);
        if (!viewer.admin() && !mobility.sendingInstitution.equals(viewer.institution())) {
            throw new FieldProblem(CurriculumProblems.NOT_SENDING_INSTITUTION, "mobilityId", "recognition.recogniser", mobility.sendingInstitution);
        }
        var versions = versions(mobilityId);
        if (versions.isEmpty()) {
            throw new FieldProblem(CurriculumProblems.NO_TRANSCRIPT, "mobilityId", "transcript.none");
        }
        if (recognition(mobilityId).isPresent()) {
            throw new FieldProblem(CurriculumProblems.ALREADY_RECOGNISED, "mobilityId", "recognition.exists");
        }
        var transcript = versions.get(versions.size() - 1);
        var homeScale = grading.scale(homeScaleId, "homeScaleId");
        var transcriptScale = grading.scale(transcript.scaleId);
        var components = checkedComponents(mobility, transcript, homeScale, drafts);

        var recognition = new Recognition();
        recognition.id = UUID.randomUUID();
        recognition.mobilityId = mobilityId;
        recognition.transcriptId = transcript.id;
        recognition.transcriptVersion = transcript.version;
        recognition.homeScaleId = homeScale.id;
        recognition.recognisedBy = mobility.sendingInstitution;
        recognition.recognisedByAccount = viewer.account();
        if (row != null && row.creationKey() != null) {
            recognition.creationKey = row.creationKey();
            recognition.creationRow = row.row();
        }
        var results = transcript.results.stream().collect(Collectors.toMap(Transcript.Result::sessionId, Function.identity()));
        for (int i = 0; i < components.size(); i++) {
            var draft = components.get(i);
            var result = results.get(draft.sessionId());
            var converted = grading.convert(transcriptScale, homeScale, result.grade(), referenceGroup, "components[" + i + "].sessionId",
                    row == null ? new HashMap<>() : row.tablesSeen());
            recognition.components.add(new Recognition.Component(result.sessionId(), result.title(), result.grade(),
                    converted.convertedGrade(), converted, draft.extraCredits() ? List.of() : List.copyOf(draft.homeCourses()),
                    draft.extraCredits(), result.ectsEarned(), result.chineseCreditsEarned(), blankToNull(draft.outsideAgreementReason())));
        }
        // in the order the database gives them back (uuid order: that of their text), as every read shows them
        recognition.components.sort(Comparator.comparing(c -> c.sessionId().toString()));
        entityManager.persist(recognition);
        entityManager.flush();   // recognisedAt, which the event carries, comes back from the insert
        outbox.append(mobilityId, new ResultsRecognised(mobilityId, mobility.agreementId, mobility.academicYear, mobility.mobilityType,
                mobility.sendingInstitution, mobility.receivingInstitution, transcript.version, homeScale.id,
                recognition.components.stream().map(c -> new ResultsRecognised.Component(c.sessionId(), c.grade(), c.homeGrade(),
                        c.conversion().method().name(), c.homeCourses(), c.extraCredits(), c.ects(), c.chineseCredits(),
                        c.outsideAgreementReason())).toList(),
                recognition.ects(), recognition.chineseCredits(), recognition.recognisedAt));
        return recognition;
    }

    /**
     * Each component must be a passed result of the transcript, go to home courses or to extra credits, and be in the
     * last approved learning agreement unless the coordinator says why it is recognised all the same.
     */
    private List<ComponentDraft> checkedComponents(MobilityCopy mobility, Transcript transcript, GradingScale homeScale,
                                                   List<ComponentDraft> drafts) {
        var problems = new InvalidFieldsException.Collector();
        problems.check(homeScale.institution.equals(mobility.sendingInstitution), "homeScaleId", "recognition.home-scale",
                mobility.sendingInstitution).throwIfAny();
        var results = transcript.results.stream().collect(Collectors.toMap(Transcript.Result::sessionId, Function.identity()));
        var seen = new HashSet<UUID>();
        for (int i = 0; i < drafts.size(); i++) {
            var draft = drafts.get(i);
            var result = results.get(draft.sessionId());
            String at = "components[" + i + "]";
            problems.check(seen.add(draft.sessionId()), at + ".sessionId", "results.duplicate")
                    .check(result != null, at + ".sessionId", "recognition.not-in-transcript", transcript.version)
                    .check(result == null || result.passed(), at + ".sessionId", "recognition.not-passed")
                    .check(draft.extraCredits() == (draft.homeCourses() == null || draft.homeCourses().isEmpty()),
                            at + ".homeCourses", "recognition.courses-or-extra");
        }
        problems.throwIfAny();
        var agreed = agreed(mobility.mobilityId);
        for (int i = 0; i < drafts.size(); i++) {
            var draft = drafts.get(i);
            if (!agreed.containsKey(draft.sessionId()) && blankToNull(draft.outsideAgreementReason()) == null) {
                throw new FieldProblem(CurriculumProblems.NOT_IN_LEARNING_AGREEMENT, "components[" + i + "].outsideAgreementReason",
                        "recognition.outside-agreement");
            }
        }
        return drafts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Recognition> recognition(UUID mobilityId) {
        return entityManager.createQuery("select r from Recognition r where r.mobilityId = ?1", Recognition.class)
                .setParameter(1, mobilityId).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Recognition recognition(UUID mobilityId, Viewer viewer) {
        visible(mobilityId, viewer, LockModeType.NONE);
        return recognition(mobilityId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    /** The copy of a mobility the viewer may see; any other is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MobilityCopy mobility(UUID mobilityId, Viewer viewer) {
        return visible(mobilityId, viewer, LockModeType.NONE);
    }

    private MobilityCopy lockedForIssuer(UUID mobilityId, Viewer viewer) {
        var mobility = visible(mobilityId, viewer, LockModeType.PESSIMISTIC_WRITE);
        if (!viewer.admin() && !mobility.receivingInstitution.equals(viewer.institution())) {
            throw new FieldProblem(CurriculumProblems.NOT_RECEIVING_INSTITUTION, "mobilityId", "transcript.issuer", mobility.receivingInstitution);
        }
        if (!mobility.completed()) {
            throw new FieldProblem(CurriculumProblems.MOBILITY_NOT_COMPLETED, "mobilityId", "transcript.not-completed", mobility.status);
        }
        return mobility;
    }

    /** A mobility the viewer may see; any other, known or not, is not found. */
    private MobilityCopy visible(UUID mobilityId, Viewer viewer, LockModeType lock) {
        var mobility = mobilityId == null ? null : entityManager.find(MobilityCopy.class, mobilityId, lock);
        if (mobility == null || !viewer.sees(mobility)) {
            throw new FieldProblem(ProblemType.NOT_FOUND, "mobilityId", "mobility.unknown");
        }
        return mobility;
    }

    /** Checks every result, then writes the version: grades in the receiving institution's scale, components of the agreement. */
    private Transcript write(MobilityCopy mobility, int version, UUID scaleId, List<ResultDraft> drafts, String reason, Viewer viewer,
                             BulkRow row) {
        var scale = grading.scale(scaleId, "scaleId");
        var problems = new InvalidFieldsException.Collector();
        problems.check(scale.institution.equals(mobility.receivingInstitution), "scaleId", "transcript.receiving-scale",
                mobility.receivingInstitution).throwIfAny();
        var seen = new HashSet<UUID>();
        for (int i = 0; i < drafts.size(); i++) {
            var draft = drafts.get(i);
            var refusal = scale.refusal(draft.grade());
            problems.check(refusal.isEmpty(), "results[" + i + "].grade", refusal.map(GradingScale.Refusal::reasonKey).orElse(""),
                            refusal.map(GradingScale.Refusal::arguments).orElse(new Object[0]))
                    .check(seen.add(draft.sessionId()), "results[" + i + "].sessionId", "results.duplicate");
        }
        problems.throwIfAny();
        var agreed = agreed(mobility.mobilityId);
        var results = new ArrayList<Transcript.Result>();
        for (int i = 0; i < drafts.size(); i++) {
            var draft = drafts.get(i);
            var component = agreed.get(draft.sessionId());
            if (component == null) {
                throw new FieldProblem(CurriculumProblems.NOT_IN_LEARNING_AGREEMENT, "results[" + i + "].sessionId",
                        "transcript.not-in-agreement");
            }
            boolean passed = scale.passes(draft.grade());
            // a passed component earns its credits as the learning agreement converted them; one not passed earns none
            results.add(new Transcript.Result(draft.sessionId(), component.title(), draft.grade(), passed,
                    passed ? component.ects() : BigDecimal.ZERO.setScale(1), passed ? component.chineseCredits() : BigDecimal.ZERO.setScale(1),
                    draft.assessedOn()));
        }
        results.sort(Comparator.comparing(r -> r.sessionId().toString()));   // as the database gives them back
        var transcript = Transcript.version(mobility.mobilityId, version, scale.id, mobility.receivingInstitution, viewer.account(),
                reason, results);
        if (row != null && row.creationKey() != null) {
            transcript.creationKey = row.creationKey();
            transcript.creationRow = row.row();
        }
        entityManager.persist(transcript);
        entityManager.flush();   // issuedAt, which the event carries, comes back from the insert
        return transcript;
    }

    /** The mobilities whose transcript (or recognition) a bulk request made under this creation key, by row. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Integer, UUID> madeUnder(UUID creationKey, Class<?> kind) {
        return entityManager.createQuery("select x.creationRow, x.mobilityId from " + kind.getSimpleName() + " x where x.creationKey = ?1",
                        Object[].class)
                .setParameter(1, creationKey).getResultStream()
                .collect(Collectors.toMap(r -> (Integer) r[0], r -> (UUID) r[1]));
    }

    private List<Transcript> versions(UUID mobilityId) {
        return entityManager.createQuery("select t from Transcript t where t.mobilityId = ?1 order by t.version", Transcript.class)
                .setParameter(1, mobilityId).getResultList();
    }

    /** The components of the last approved learning agreement, by session. */
    Map<UUID, AgreedComponent> agreed(UUID mobilityId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select session_id, title, ects, chinese_credits, agreement_version from agreed_component where mobility_id = ?1")
                .setParameter(1, mobilityId).getResultList();
        return rows.stream().map(r -> new AgreedComponent((UUID) r[0], (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (Integer) r[4]))
                .collect(Collectors.toMap(AgreedComponent::sessionId, Function.identity()));
    }

    private static List<TranscriptData> data(Transcript transcript) {
        return transcript.results.stream().map(r -> new TranscriptData(r.sessionId(), r.title(), r.grade(), r.passed(),
                r.ectsEarned(), r.chineseCreditsEarned(), r.assessedOn())).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
