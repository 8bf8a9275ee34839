package org.passerelle.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasureRequest")
public record ErasureRequest(
        @Schema(description = "Why the person is erased; kept, so it must not name them",
                example = "Request of the data subject received by the DPO on 2027-09-28, ticket DPO-2027-014")
        @NotBlank @Size(max = 2000) String reason) {
}
