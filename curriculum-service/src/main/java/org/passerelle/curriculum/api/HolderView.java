package org.passerelle.curriculum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "SeatHolder", description = "A seat held in a session. mobilityId and personId are personal data: "
        + "sent only to the international office, the session's supervisor and the coordinators of the sending institution.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HolderView(
        @Schema(example = "9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64") UUID mobilityId,
        @Schema(example = "0d6c8e2a-4f1b-4a3c-9e5d-7b2f1c8a6e93") UUID personId,
        @Schema(example = "univ-lyon1.fr") String sendingInstitution,
        Instant heldAt,
        @Schema(description = "True when mobilityId and personId are withheld from this caller") boolean personalDataHidden) {
}
