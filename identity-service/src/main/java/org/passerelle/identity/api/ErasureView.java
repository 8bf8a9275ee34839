package org.passerelle.identity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.identity.PersonKind;
import org.passerelle.identity.privacy.PersonErasure;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Erasure", description = "That a person was erased: all that stays of them")
public record ErasureView(UUID personId, PersonKind kind, @Schema(example = "sjtu.edu.cn") String institution,
                          String reason, @Schema(description = "Token subject of who erased them") String erasedBy,
                          Instant erasedAt) {

    static ErasureView of(PersonErasure e) {
        return new ErasureView(e.personId, e.kind, e.institution, e.reason, e.erasedBy, e.erasedAt);
    }
}
