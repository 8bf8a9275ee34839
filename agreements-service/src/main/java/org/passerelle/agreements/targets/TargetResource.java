package org.passerelle.agreements.targets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.security.Caller;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

@Path("/api/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets")
public class TargetResource {

    @Inject
    TargetService targets;

    @Inject
    IdempotentCreations creations;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Set a target on one or several agreements",
            description = "E.g. inbound students from the French partners to SJTUSM: 30 in 2024/2025, 60 by 2027/2028.")
    @APIResponse(responseCode = "201", description = "The target, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid: an unknown agreement, a receiving institution that "
            + "is not party to one, a target year not after the baseline (urn:passerelle:problem:validation)")
    public Response create(@Valid @NotNull TargetRequest request,
                           @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never creates twice")
                           String idempotencyKey, @Context UriInfo uri) {
        return creations.create(caller.subject(), idempotencyKey, request, () -> {
            var target = targets.create(request);
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(target.id.toString()).build(),
                    TargetView.of(target), Long.toString(target.version));
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change a target", description = "Send If-Match with the ETag you read.")
    @APIResponse(responseCode = "200", description = "The changed target")
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TargetRequest request) {
        var target = targets.change(id, Versions.required(ifMatch), request);
        return Response.ok(TargetView.of(target)).tag(Versions.etag(target.version)).build();
    }

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "List targets", description = "Newest first; a coordinator sees those on its institution's agreements.")
    @APIResponse(responseCode = "200", description = "One page of targets")
    public Page<TargetView> list(@BeanParam @Valid PageRequest page) {
        return targets.list(caller.actingFor(), page).map(TargetView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Get one target")
    @APIResponse(responseCode = "200", description = "The target, with its ETag")
    @APIResponse(responseCode = "404", description = "No such target for you (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        var target = targets.find(id, caller.actingFor());
        return Response.ok(TargetView.of(target)).tag(Versions.etag(target.version)).build();
    }

    @GET
    @Path("/{id}/progress")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "The progress of a target, year by year",
            description = "Counted from mobility events; the counting rule is in the answer (countingRule). Each year from "
                    + "the baseline to the target has the expected and the counted mobilities; the standing of the current "
                    + "academic year (or of the target year once past) says ON_TRACK or BEHIND.")
    @APIResponse(responseCode = "200", description = "The progress")
    @APIResponse(responseCode = "404", description = "No such target for you (urn:passerelle:problem:not-found)")
    public TargetProgress progress(@PathParam("id") UUID id) {
        return targets.progress(id, caller.actingFor(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

}
