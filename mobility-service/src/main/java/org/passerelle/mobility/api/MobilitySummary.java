package org.passerelle.mobility.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityStatus;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "MobilitySummary", description = "A mobility as it appears in lists")
public record MobilitySummary(
        UUID id,
        @Schema(example = "NOMINATED") MobilityStatus status,
        @Schema(example = "2025/2026") String academicYear,
        @Schema(example = "univ-lyon1.fr") String sendingInstitution,
        @Schema(example = "sjtu.edu.cn") String receivingInstitution,
        Instant createdAt) {

    static MobilitySummary of(Mobility m) {
        return new MobilitySummary(m.id, m.status, m.academicYear, m.sendingInstitution, m.receivingInstitution, m.createdAt);
    }
}
