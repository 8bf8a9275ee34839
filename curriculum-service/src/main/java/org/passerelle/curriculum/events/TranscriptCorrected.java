package org.passerelle.curriculum.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The receiving institution issued a new version of a transcript, with the reason. Key: the mobility id. */
@EventType(name = "TranscriptCorrected", version = 1, aggregate = "transcript")
public record TranscriptCorrected(UUID mobilityId, String sendingInstitution, String receivingInstitution, int version,
                                  String reason, UUID scaleId, List<TranscriptData> results, Instant issuedAt) {
}
