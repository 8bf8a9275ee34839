package org.passerelle.agreements.ewp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementProblems;
import org.passerelle.agreements.AgreementRepository;
import org.passerelle.agreements.AgreementContent;
import org.passerelle.agreements.AgreementService;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.agreements.CooperationCondition;
import org.passerelle.agreements.VersionChanges;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Agreements in EWP's IIAs API formats: the get response of one agreement, the index of those changed since a
 * moment, and drafts imported from a partner's get response. The domain does not know EWP: this class maps between
 * the two through {@link IiaMapping}, and a future EWP network adapter (registry, HTTP signatures) would call the
 * same methods.
 */
@ApplicationScoped
public class EwpIias {

    /**
     * What one iia of a file became: a new draft, or a proposed amendment (or revision, for a draft) of the agreement
     * it names, with what it changes; and what of the IIA it does not keep.
     *
     * @param amendsVersion the version proposed by an amendment (the draft's 1 for a revised draft); null for a new draft,
     *                      or for a file that matches the agreement as it is (nothing to amend)
     * @param changes       null for a new draft; empty for a file that matches the agreement as it is
     */
    public record ImportedDraft(UUID agreementId, String partnerIiaId, String iiaHash, List<String> notKept,
                                Integer amendsVersion, VersionChanges changes) {
    }

    /** The drafts of one file; {@code replayed} when the same file was imported before and nothing changed. */
    public record Import(String fileSha256, boolean replayed, List<ImportedDraft> drafts) {
    }

    @ConfigProperty(name = "passerelle.ewp.hei-id", defaultValue = "sjtu.edu.cn")
    String localHei;

    @Inject
    AgreementRepository agreements;

    @Inject
    AgreementService service;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** The iias-get-response of one agreement the caller may see, with its iia-hash. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] getResponse(UUID id, String actingFor, Locale locale) {
        Agreement agreement = service.find(id, actingFor);
        return getResponse(List.of(agreement), locale);
    }

    /** One get response for several agreements (the benchmark, or an adapter answering several iia_id). */
    public byte[] getResponse(List<Agreement> list, Locale locale) {
        List<Iia> iias = new ArrayList<>();
        for (Agreement agreement : list) {
            iias.add(IiaMapping.toIia(agreement.id, agreement.content(), agreement.versionInForce > 0, localHei,
                    partnerIds(agreement.id), locale));
        }
        var doc = IiaXml.getResponse(iias);
        IiaHash.fill(doc);
        return IiaXml.serialize(doc);
    }

    /** The ids of the bilateral agreements the caller may see that changed since the moment given (all without one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] indexResponse(String actingFor, Instant modifiedSince) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        select a.id from agreement a
                        where (cast(?1 as timestamptz) is null or a.changed_at > cast(?1 as timestamptz))
                          and (select count(*) from agreement_party p where p.agreement_id = a.id) = 2
                          and (cast(?2 as varchar) is null
                               or exists (select 1 from agreement_party p where p.agreement_id = a.id and p.institution = cast(?2 as varchar)))
                        order by a.changed_at, a.id""", UUID.class)
                .setParameter(1, modifiedSince == null ? null : java.time.OffsetDateTime.ofInstant(modifiedSince, java.time.ZoneOffset.UTC))
                .setParameter(2, actingFor)
                .getResultList();
        return IiaXml.indexResponse(ids.stream().map(UUID::toString).toList());
    }

    /**
     * Imports an iias-get-response file: each iia becomes a DRAFT agreement, which the usual proposal and two-sided
     * approval then handle. The same file imported again answers the drafts it made, unchanged. Nothing is created
     * unless every iia of the file can be.
     *
     * @param actingFor the coordinator's institution, which must be party to each draft; null for the international office
     */
    @Transactional
    public Import importFile(byte[] file, String actingFor, String importedBy) {
        String sha = IiaHash.sha256Bytes(file);
        // two imports of the same file at once: the second waits, then finds the first one's drafts
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, ByteBuffer.wrap(
                java.util.HexFormat.of().parseHex(sha.substring(0, 16))).getLong()).getSingleResult();
        List<ImportedDraft> earlier = earlierImport(sha, actingFor);
        if (!earlier.isEmpty()) {
            return new Import(sha, true, earlier);
        }
        List<Iia> iias = IiaXml.readGetResponse(file);
        if (iias.isEmpty()) {
            throw new ProblemException(EwpProblems.NO_IIA);
        }
        List<IiaMapping.Imported> mapped = new ArrayList<>();
        for (int i = 0; i < iias.size(); i++) {
            mapped.add(IiaMapping.fromIia(iias.get(i), "iia[" + (i + 1) + "].", this::currentCode));
        }
        for (var imported : mapped) {
            if (actingFor != null && !imported.content().parties().contains(actingFor)) {
                throw new ProblemException(AgreementProblems.NOT_A_PARTY, actingFor);
            }
        }
        List<ImportedDraft> drafts = new ArrayList<>();
        for (int i = 0; i < iias.size(); i++) {
            Iia.Partner publisher = iias.get(i).partners().get(0);
            Agreement existing = existing(iias.get(i));
            ImportedDraft result = existing == null
                    ? new ImportedDraft(service.draft(actingFor, mapped.get(i).content()).id, publisher.iiaId(), iias.get(i).iiaHash(),
                            mapped.get(i).notKept(), null, null)
                    : amend(existing, mapped.get(i), publisher, iias.get(i).iiaHash(), actingFor);
            entityManager.createNativeQuery("""
                            insert into ewp_iia_import (agreement_id, file_sha256, position, source, iia_hash, partner_hei_id,
                                partner_iia_id, partner_iia_code, not_kept, imported_by, amends_version, changes)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb), ?10, ?11, cast(?12 as jsonb))""")
                    .setParameter(1, result.agreementId()).setParameter(2, sha).setParameter(3, i + 1).setParameter(4, file)
                    .setParameter(5, iias.get(i).iiaHash()).setParameter(6, currentCode(publisher.heiId()))
                    .setParameter(7, publisher.iiaId()).setParameter(8, publisher.iiaCode())
                    .setParameter(9, toJson(mapped.get(i).notKept())).setParameter(10, importedBy)
                    .setParameter(11, result.amendsVersion())
                    .setParameter(12, result.changes() == null ? null : toJson(result.changes()))
                    .executeUpdate();
            drafts.add(result);
        }
        return new Import(sha, false, drafts);
    }

    /**
     * The agreement an IIA names, if Passerelle has it: the local HEI's iia-id is one of Passerelle's agreement ids
     * (the IIA came from Passerelle's own export), or the publishing partner's iia-id is one an earlier import recorded.
     */
    private Agreement existing(Iia iia) {
        for (Iia.Partner partner : iia.partners()) {
            UUID id = uuid(partner.iiaId());
            if (id != null && localHei.equals(currentCode(partner.heiId()))) {
                var found = agreements.findByIdOptional(id);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        Iia.Partner publisher = iia.partners().get(0);
        @SuppressWarnings("unchecked")
        List<UUID> earlier = entityManager.createNativeQuery("""
                        select agreement_id from ewp_iia_import where partner_hei_id = ?1 and partner_iia_id = ?2
                        order by imported_at limit 1""", UUID.class)
                .setParameter(1, currentCode(publisher.heiId())).setParameter(2, publisher.iiaId()).getResultList();
        return earlier.isEmpty() ? null : agreements.findById(earlier.get(0));
    }

    /**
     * The IIA as a change of the agreement it names: a proposed amendment of an active agreement (the version in force
     * stays until every party approves), or a revision of a draft. Conditions keep their ids where the same direction
     * and mobility type was there before, so that the changes show a condition changed rather than replaced.
     */
    private ImportedDraft amend(Agreement agreement, IiaMapping.Imported imported, Iia.Partner publisher, String iiaHash,
                                String actingFor) {
        var before = agreement.content();
        var content = keepingWhatEwpLacks(imported.content(), before);
        keepConditionIds(content, before);
        int current = agreement.status == AgreementStatus.DRAFT ? 1 : agreement.versionInForce;
        var unchanged = VersionChanges.between(current, before, current, content);
        if (unchanged.fields().isEmpty() && unchanged.conditions().isEmpty()) {
            return new ImportedDraft(agreement.id, publisher.iiaId(), iiaHash, imported.notKept(), null, unchanged);
        }
        VersionChanges changes;
        int proposed;
        if (agreement.status == AgreementStatus.DRAFT) {
            service.revise(agreement.id, agreement.version, actingFor, content);
            proposed = 1;
            changes = VersionChanges.between(1, before, 1, agreement.content());
        } else {
            service.amend(agreement.id, agreement.version, actingFor, content);
            entityManager.flush();   // the amendment counts as a change of the agreement (its version) before it is proposed
            service.proposeAmendment(agreement.id, agreement.version, actingFor);
            proposed = agreement.versionInForce + 1;
            changes = VersionChanges.between(agreement.versionInForce, before, proposed, agreement.amendment);
        }
        return new ImportedDraft(agreement.id, publisher.iiaId(), iiaHash, imported.notKept(), proposed, changes);
    }

    /**
     * What EWP cannot carry (the kind, the three titles, the place of signature) stays as it was rather than taking
     * the import's placeholders; the agreement's years widen to the conditions' when they reach beyond them.
     */
    private static AgreementContent keepingWhatEwpLacks(AgreementContent imported, AgreementContent before) {
        String first = imported.firstAcademicYear().compareTo(before.firstAcademicYear()) < 0 ? imported.firstAcademicYear() : before.firstAcademicYear();
        String last = imported.lastAcademicYear().compareTo(before.lastAcademicYear()) > 0 ? imported.lastAcademicYear() : before.lastAcademicYear();
        return AgreementContent.of(before.kind(), before.title(), imported.parties(), imported.signedOn(), before.signedAt(),
                first, last, imported.conditions());
    }

    private static void keepConditionIds(AgreementContent content, AgreementContent before) {
        List<CooperationCondition> unused = new ArrayList<>(before.conditions());
        for (CooperationCondition c : content.conditions()) {
            unused.stream().filter(b -> b.sendingInstitution.equals(c.sendingInstitution)
                            && b.receivingInstitution.equals(c.receivingInstitution) && b.mobilityType == c.mobilityType)
                    .findFirst().ifPresent(b -> {
                        c.id = b.id;
                        unused.remove(b);
                    });
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The file a draft was imported from, as it was received. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] source(UUID id, String actingFor) {
        service.find(id, actingFor);
        @SuppressWarnings("unchecked")
        List<byte[]> found = entityManager.createNativeQuery("select source from ewp_iia_import where agreement_id = ?1 order by imported_at desc")
                .setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            throw new ProblemException(EwpProblems.NO_SOURCE);
        }
        return found.get(0);
    }

    private List<ImportedDraft> earlierImport(String sha, String actingFor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select agreement_id, partner_iia_id, iia_hash, cast(not_kept as varchar), amends_version,
                               cast(changes as varchar)
                        from ewp_iia_import where file_sha256 = ?1 order by position""")
                .setParameter(1, sha).getResultList();
        List<ImportedDraft> drafts = new ArrayList<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            // the file names the parties: a caller whose institution is not one is refused as a new import would be
            if (!agreements.findByIdOptional(id).map(a -> actingFor == null || a.hasParty(actingFor)).orElse(false)) {
                throw new ProblemException(AgreementProblems.NOT_A_PARTY, actingFor);
            }
            drafts.add(new ImportedDraft(id, (String) row[1], (String) row[2], fromJson((String) row[3]), (Integer) row[4],
                    row[5] == null ? null : changesFromJson((String) row[5])));
        }
        return drafts;
    }

    /**
     * Identity's crosswalk as this service keeps it (known_institution, from identity-service's events): the current
     * SCHAC code of the institution a code names, current or previous; null for a code no institution has.
     */
    String currentCode(String schacCode) {
        @SuppressWarnings("unchecked")
        List<String> found = entityManager.createNativeQuery("select current_code from known_institution where schac_code = ?1")
                .setParameter(1, schacCode).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private Map<String, IiaMapping.PartnerIds> partnerIds(UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select partner_hei_id, partner_iia_id, partner_iia_code from ewp_iia_import where agreement_id = ?1")
                .setParameter(1, agreementId).getResultList();
        Map<String, IiaMapping.PartnerIds> ids = new HashMap<>();
        rows.forEach(r -> ids.put((String) r[0], new IiaMapping.PartnerIds((String) r[1], (String) r[2])));
        return ids;
    }

    private VersionChanges changesFromJson(String changes) {
        try {
            return json.readValue(changes, VersionChanges.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.INTERNAL);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> fromJson(String notes) {
        try {
            return List.of(json.readValue(notes, String[].class));
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.INTERNAL);
        }
    }
}
