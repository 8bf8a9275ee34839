package org.passerelle.curriculum.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The receiving institution issued the first version of a mobility's transcript of records. Key: the mobility id. */
@EventType(name = "TranscriptIssued", version = 1, aggregate = "transcript")
public record TranscriptIssued(UUID mobilityId, String sendingInstitution, String receivingInstitution, int version,
                               UUID scaleId, List<TranscriptData> results, Instant issuedAt) {
}
