package org.passerelle.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem details document, as every Passerelle error is answered. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details. Branch on `type`; `title` and `detail` follow Accept-Language (fr, en, zh).")
public record Problem(
        @Schema(description = "Stable identifier of the kind of error", example = "urn:passerelle:problem:validation")
        URI type,
        @Schema(description = "Short summary of the kind of error, in the request's language", example = "Invalid request")
        String title,
        @Schema(description = "HTTP status", example = "400")
        int status,
        @Schema(description = "What went wrong in this request, in the request's language", example = "1 field is invalid.")
        String detail,
        @Schema(description = "The request path, relative to the service", format = "uri-reference", example = "/api/agreements")
        URI instance,
        @Schema(description = "One entry per invalid field (validation errors only)")
        List<FieldError> errors,
        @Schema(description = "Reference of a server error in the service's logs", example = "3f1c9a52")
        String reference) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its path in the request (query parameter, or JSON path of the body) and why. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "size") String field,
            @Schema(example = "must be less than or equal to 100") String reason) {
    }
}
