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
import org.passerelle.agreements.AgreementService;
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

    /** A draft made from one iia of a file, and what of it the draft does not keep. */
    public record ImportedDraft(UUID agreementId, String partnerIiaId, String iiaHash, List<String> notKept) {
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
        List<ImportedDraft> drafts = new ArrayList<>();
        for (int i = 0; i < iias.size(); i++) {
            Agreement draft = service.draft(actingFor, mapped.get(i).content());
            Iia.Partner publisher = iias.get(i).partners().get(0);
            entityManager.createNativeQuery("""
                            insert into ewp_iia_import (agreement_id, file_sha256, position, source, iia_hash, partner_hei_id,
                                partner_iia_id, partner_iia_code, not_kept, imported_by)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb), ?10)""")
                    .setParameter(1, draft.id).setParameter(2, sha).setParameter(3, i + 1).setParameter(4, file)
                    .setParameter(5, iias.get(i).iiaHash()).setParameter(6, currentCode(publisher.heiId()))
                    .setParameter(7, publisher.iiaId()).setParameter(8, publisher.iiaCode())
                    .setParameter(9, toJson(mapped.get(i).notKept())).setParameter(10, importedBy)
                    .executeUpdate();
            drafts.add(new ImportedDraft(draft.id, publisher.iiaId(), iias.get(i).iiaHash(), mapped.get(i).notKept()));
        }
        return new Import(sha, false, drafts);
    }

    /** The file a draft was imported from, as it was received. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] source(UUID id, String actingFor) {
        service.find(id, actingFor);
        @SuppressWarnings("unchecked")
        List<byte[]> found = entityManager.createNativeQuery("select source from ewp_iia_import where agreement_id = ?1")
                .setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            throw new ProblemException(EwpProblems.NO_SOURCE);
        }
        return found.get(0);
    }

    private List<ImportedDraft> earlierImport(String sha, String actingFor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select agreement_id, partner_iia_id, iia_hash, cast(not_kept as varchar) from ewp_iia_import
                        where file_sha256 = ?1 order by position""")
                .setParameter(1, sha).getResultList();
        List<ImportedDraft> drafts = new ArrayList<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            // the file names the parties: a caller whose institution is not one is refused as a new import would be
            if (!agreements.findByIdOptional(id).map(a -> actingFor == null || a.hasParty(actingFor)).orElse(false)) {
                throw new ProblemException(AgreementProblems.NOT_A_PARTY, actingFor);
            }
            drafts.add(new ImportedDraft(id, (String) row[1], (String) row[2], fromJson((String) row[3])));
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

    private String toJson(List<String> notes) {
        try {
            return json.writeValueAsString(notes);
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
