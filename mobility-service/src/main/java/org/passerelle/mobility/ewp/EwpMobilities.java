package org.passerelle.mobility.ewp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passerelle.mobility.MobilityService;
import org.passerelle.mobility.learning.LearningAgreement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Mobilities and learning agreements in EWP's formats, for the parties of each: the get response of one mobility
 * and the index of those changed since a moment. The domain does not know EWP; a future EWP network adapter
 * (registry, HTTP signatures) would call the same methods with the requesting HEI as {@code actingFor}.
 */
@ApplicationScoped
public class EwpMobilities {

    /** EWP's omobilities are student mobilities: staff mobilities never appear in an index. */
    private static final String STUDENTS = "m.mobility_type not in ('STAFF_TEACHING', 'STAFF_TRAINING')";
    private static final String PARTY = "(cast(?2 as varchar) is null or m.sending_institution = cast(?2 as varchar)"
            + " or m.receiving_institution = cast(?2 as varchar))";

    @Inject
    MobilityService mobilities;

    @Inject
    EntityManager entityManager;

    @Inject
    Config config;

    @ConfigProperty(name = "passerelle.ewp.eqf-level", defaultValue = "7")
    int eqfLevel;

    @ConfigProperty(name = "passerelle.ewp.isced-f-code", defaultValue = "0912")
    String iscedCode;

    /** The omobilities-get-response of one mobility the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] omobility(UUID id, String actingFor) {
        return OMobilities.getResponse(List.of(mobilities.find(id, actingFor, null)));
    }

    /** The student mobilities the caller's institution sends or receives (all for the international office), changed since the moment given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] omobilitiesIndex(String actingFor, Instant modifiedSince) {
        return OMobilities.indexResponse(ids("""
                select m.id from mobility m
                where (cast(?1 as timestamptz) is null or m.changed_at > cast(?1 as timestamptz)) and %s and %s
                order by m.changed_at, m.id""".formatted(STUDENTS, PARTY), actingFor, modifiedSince));
    }

    /** The omobility-las-get-response of one mobility's learning agreement; without an la when EWP cannot show it yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] learningAgreement(UUID mobilityId, String actingFor) {
        var mobility = mobilities.find(mobilityId, actingFor, null);
        OMobilities.requireStudent(mobility);
        var agreement = entityManager.find(LearningAgreement.class, mobilityId);
        return OMobilityLas.getResponse(List.of(new OMobilityLas.Source(mobility,
                agreement != null ? agreement : LearningAgreement.none(mobilityId))), settings());
    }

    /**
     * The learning agreements changed since the moment given that EWP can show (a version signed by all, or a
     * proposal signed by the student and the sending side), of the caller's institution's student mobilities.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] learningAgreementsIndex(String actingFor, Instant modifiedSince) {
        return OMobilityLas.indexResponse(ids("""
                select m.id from learning_agreement l join mobility m on m.id = l.mobility_id
                where (cast(?1 as timestamptz) is null or l.changed_at > cast(?1 as timestamptz)) and %s and %s
                  and exists (select 1 from learning_agreement_version v where v.mobility_id = l.mobility_id
                              and (v.status in ('APPROVED', 'SUPERSEDED')
                                   or v.status = 'PROPOSED' and v.approvals @> '[{"party":"STUDENT"}]'
                                                            and v.approvals @> '[{"party":"SENDING_COORDINATOR"}]'))
                order by l.changed_at, m.id""".formatted(STUDENTS, PARTY), actingFor, modifiedSince));
    }

    private List<UUID> ids(String sql, String actingFor, Instant modifiedSince) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(sql, UUID.class)
                .setParameter(1, modifiedSince == null ? null : OffsetDateTime.ofInstant(modifiedSince, ZoneOffset.UTC))
                .setParameter(2, actingFor)
                .getResultList();
        return ids;
    }

    private OMobilityLas.Settings settings() {
        return new OMobilityLas.Settings(eqfLevel, iscedCode, this::factsheet);
    }

    /** An institution's factsheet from the configuration (passerelle.ewp.institutions."schac".*). */
    Factsheet factsheet(String heiId) {
        return new Factsheet(heiId, setting(heiId, "contact-given-names"), setting(heiId, "contact-family-name"),
                setting(heiId, "contact-email"), setting(heiId, "language"), setting(heiId, "cefr-level"));
    }

    private String setting(String heiId, String field) {
        return config.getOptionalValue(Factsheet.setting(heiId, field), String.class).orElse(null);
    }
}
