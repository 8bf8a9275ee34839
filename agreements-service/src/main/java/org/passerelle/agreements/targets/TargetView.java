package org.passerelle.agreements.targets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.MobilityType;
import org.passerelle.runtime.text.LocalizedText;

import java.util.Set;
import java.util.UUID;

@Schema(name = "Target")
public record TargetView(UUID id, LocalizedText title, Set<UUID> agreements,
                         @Schema(example = "sjtu.edu.cn") String receivingInstitution, Set<MobilityType> mobilityTypes,
                         @Schema(example = "ACCEPTED") Target.Counts counts,
                         @Schema(example = "2024/2025") String baselineYear, @Schema(example = "30") int baselineCount,
                         @Schema(example = "2027/2028") String targetYear, @Schema(example = "60") int targetCount) {

    static TargetView of(Target t) {
        return new TargetView(t.id, t.title, t.agreements, t.receivingInstitution, t.mobilityTypes, t.counts, t.baselineYear,
                t.baselineCount, t.targetYear, t.targetCount);
    }
}
