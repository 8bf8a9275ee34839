package org.passerelle.agreements.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementStatus;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "AgreementSummary", description = "An agreement as it appears in lists")
public record AgreementSummary(
        UUID id,
        @Schema(example = "BILATERAL_EXCHANGE") AgreementKind kind,
        @Schema(example = "ACTIVE") AgreementStatus status,
        @Schema(example = "Accord d'échange SJTUSM - Université Claude Bernard Lyon 1") String titleFr,
        @Schema(example = "Exchange agreement SJTUSM - Université Claude Bernard Lyon 1") String titleEn,
        @Schema(example = "上海交通大学医学院与里昂第一大学交流协议") String titleZh,
        Instant createdAt) {

    static AgreementSummary of(Agreement a) {
        return new AgreementSummary(a.id, a.kind, a.status, a.titleFr, a.titleEn, a.titleZh, a.createdAt);
    }
}
