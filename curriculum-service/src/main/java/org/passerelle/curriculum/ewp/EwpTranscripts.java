package org.passerelle.curriculum.ewp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.curriculum.grading.Grading;
import org.passerelle.curriculum.records.Records;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Transcripts of records in EWP's form (IMobility ToRs with EMREX ELMO), for those who see the transcript: the
 * version in force of one mobility's transcript, and the index of those issued or corrected since a moment. A future
 * EWP network adapter would call the same methods with the requesting HEI as the viewer's institution.
 */
@ApplicationScoped
public class EwpTranscripts {

    @Inject
    Records records;

    @Inject
    Grading grading;

    @Inject
    EntityManager entityManager;

    /** The imobility-tors-get-response of one mobility's transcript, its last version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] transcript(UUID mobilityId, Records.Viewer viewer) {
        var history = records.history(mobilityId, viewer);
        var current = history.versions().get(history.versions().size() - 1);
        return TranscriptsOfRecords.getResponse(List.of(
                new TranscriptsOfRecords.Source(history.mobility(), current, grading.scale(current.scaleId))), Instant.now());
    }

    /** The mobilities whose transcript was issued or corrected after the moment given (all without it), of the caller's institution. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] index(String institution, Instant modifiedSince) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        select t.mobility_id from transcript t join mobility_copy m on m.mobility_id = t.mobility_id
                        where (cast(?1 as timestamptz) is null or t.issued_at > cast(?1 as timestamptz))
                          and (cast(?2 as varchar) is null or m.sending_institution = cast(?2 as varchar)
                               or m.receiving_institution = cast(?2 as varchar))
                        group by t.mobility_id order by max(t.issued_at), t.mobility_id""", UUID.class)
                .setParameter(1, modifiedSince == null ? null : OffsetDateTime.ofInstant(modifiedSince, ZoneOffset.UTC))
                .setParameter(2, institution)
                .getResultList();
        return TranscriptsOfRecords.indexResponse(ids);
    }
}
