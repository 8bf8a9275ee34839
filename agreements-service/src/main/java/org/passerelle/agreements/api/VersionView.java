package org.passerelle.agreements.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.AgreementHistory;
import org.passerelle.agreements.AgreementVersion;

import java.time.Instant;
import java.util.List;

@Schema(name = "AgreementVersion", description = "One version of an agreement, as approved or as it waits for approval")
public record VersionView(
        @Schema(example = "1") int number,
        @Schema(example = "IN_FORCE") AgreementHistory.VersionStatus status,
        @Schema(nullable = true, description = "Null while it is a draft") String contentHash,
        AgreementView.Content content,
        @Schema(description = "The parties that approved it, and when") List<AgreementVersion.Approval> approvals,
        @Schema(nullable = true) Instant inForceFrom,
        @Schema(nullable = true) Instant supersededAt) {

    static VersionView of(AgreementHistory.Version v) {
        return new VersionView(v.number(), v.status(), v.contentHash(), AgreementView.Content.of(v.content()),
                v.approvals(), v.inForceFrom(), v.supersededAt());
    }
}
