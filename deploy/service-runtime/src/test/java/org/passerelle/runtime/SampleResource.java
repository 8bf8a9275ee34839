package org.passerelle.runtime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.LocalDate;
import java.util.List;

/** Endpoints that fail in each way a real service can, to test the answers every service shares. */
@Path("/api/samples")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "coordinator"})
public class SampleResource {

    public record SampleRequest(@NotBlank String name, @NotNull @Min(1) Integer places, LocalDate startsOn,
                                @Valid List<@Valid Part> parts, Colour colour, Boolean urgent) {
    }

    public record Part(@Size(min = 4, max = 4) String isced) {
    }

    public enum Colour { RED, GREEN }

    @GET
    public Page<String> list(@BeanParam @Valid PageRequest page, @jakarta.ws.rs.QueryParam("colour") Colour colour,
                             @jakarta.ws.rs.QueryParam("text") String text) {
        return Page.of(List.of(colour == null ? text == null ? "a" : text : colour.name()), page, 1);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SampleRequest create(@Valid @NotNull SampleRequest request) {
        return request;
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ProblemException(ProblemType.CONFLICT);
    }

    @GET
    @Path("/broken")
    public String broken() {
        throw new IllegalStateException("a bug with a secret inside: jdbc:postgresql://db/identity");
    }
}
