package org.passerelle.curriculum.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.curriculum.credits.CreditConversionRule;
import org.passerelle.curriculum.credits.CreditConversionRuleRepository;
import org.passerelle.curriculum.credits.CreditConversions;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.security.Caller;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Path("/api/credit-conversions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Credit conversion")
public class CreditConversionResource {

    private static final String AMOUNT = "[0-9]{1,3}(\\.[0-9])?";

    @Schema(name = "CreditConversionRuleDraft", description = "How many ECTS one Chinese credit is worth between two institutions")
    public record RuleDraft(
            @NotBlank @Size(max = 100) @Schema(example = "sjtu.edu.cn") String chineseInstitution,
            @NotBlank @Size(max = 100) @Schema(example = "univ-lyon1.fr") String partnerInstitution,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 2)
            @Schema(example = "1.5") BigDecimal ectsPerChineseCredit) {
    }

    @Schema(name = "CreditConversionRuleChange")
    public record RuleChange(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 2)
            @Schema(example = "1.5") BigDecimal ectsPerChineseCredit) {
    }

    @Schema(name = "CreditConversionRule")
    public record RuleView(UUID id, @Schema(example = "sjtu.edu.cn") String chineseInstitution,
                           @Schema(example = "univ-lyon1.fr") String partnerInstitution,
                           @Schema(example = "1.5") BigDecimal ectsPerChineseCredit) {

        static RuleView of(CreditConversionRule r) {
            return new RuleView(r.id, r.chineseInstitution, r.partnerInstitution, r.ectsPerChineseCredit);
        }
    }

    @Schema(name = "CreditConversion", description = "An amount in both schemes and the rule that converted it")
    public record ConversionView(@Schema(example = "4") BigDecimal chineseCredits, @Schema(example = "6.0") BigDecimal ects,
                                 RuleView rule) {
    }

    @Inject
    CreditConversions conversions;

    @Inject
    CreditConversionRuleRepository rules;

    @Inject
    Caller caller;

    @Inject
    IdempotentCreations creations;

    @GET
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Convert credits between two institutions",
            description = "Give either chineseCredits or ects; the other is converted with the pair's rule (either "
                    + "institution may be named first) and rounded half up to one decimal. Learning agreements use it.")
    @APIResponse(responseCode = "200", description = "The amount in both schemes, with the rule")
    @APIResponse(responseCode = "400", description = "Neither or both amounts, or an amount that is not a number with at "
            + "most one decimal (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "404", description = "No rule for the pair (urn:passerelle:problem:no-conversion-rule)")
    public ConversionView convert(
            @QueryParam("institution") @NotBlank @Size(max = 100) @Parameter(example = "sjtu.edu.cn") String institution,
            @QueryParam("partner") @NotBlank @Size(max = 100) @Parameter(example = "univ-lyon1.fr") String partner,
            @QueryParam("chineseCredits") @Pattern(regexp = AMOUNT, message = "{passerelle.credit-amount}")
            @Parameter(example = "4") String chineseCredits,
            @QueryParam("ects") @Pattern(regexp = AMOUNT, message = "{passerelle.credit-amount}")
            @Parameter(example = "6") String ects) {
        if ((chineseCredits == null) == (ects == null)) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.InvalidField("chineseCredits", "conversion.one-amount")));
        }
        var conversion = conversions.convert(institution, partner, amount(chineseCredits), amount(ects));
        return new ConversionView(conversion.chineseCredits(), conversion.ects(), RuleView.of(conversion.rule()));
    }

    @GET
    @Path("/rules")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "List credit conversion rules", description = "By institutions, then id. Filter by an institution of the pair.")
    @APIResponse(responseCode = "200", description = "One page of rules")
    public Page<RuleView> list(@BeanParam @Valid PageRequest page,
                               @QueryParam("institution") @Size(max = 100) @Parameter(example = "univ-lyon1.fr") String institution) {
        return rules.list(institution, page).map(RuleView::of);
    }

    @GET
    @Path("/rules/{id}")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Get one credit conversion rule", description = "With its ETag, to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "No rule has this id (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        var rule = conversions.find(id);
        return Response.ok(RuleView.of(rule)).tag(Versions.etag(rule.version)).build();
    }

    @POST
    @Path("/rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Set the credit conversion rule of a pair of institutions",
            description = "The international office. One rule per pair, whichever side is named first.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "SJTUSM - Lyon 1",
            value = "{\"chineseInstitution\":\"sjtu.edu.cn\",\"partnerInstitution\":\"univ-lyon1.fr\",\"ectsPerChineseCredit\":1.5}")))
    @APIResponse(responseCode = "201", description = "The rule, at its Location, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "409", description = "The pair has a rule already (urn:passerelle:problem:conflict)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request "
            + "(urn:passerelle:problem:idempotency-key-reused)")
    public Response define(@Valid @NotNull RuleDraft draft,
                           @HeaderParam("Idempotency-Key") @Parameter(example = "rule-sjtu-lyon1") String idempotencyKey,
                           @Context UriInfo uri) {
        return creations.create(caller.subject(), idempotencyKey, draft, () -> {
            var rule = conversions.define(draft.chineseInstitution(), draft.partnerInstitution(), draft.ectsPerChineseCredit());
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(rule.id.toString()).build(),
                    RuleView.of(rule), Long.toString(rule.version));
        });
    }

    @PUT
    @Path("/rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change the ratio of a rule",
            description = "Items already converted keep the ratio they were converted with. Send If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ratio",
            value = "{\"ectsPerChineseCredit\":1.25}")))
    @APIResponse(responseCode = "200", description = "The rule, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull RuleChange change) {
        long version = Versions.required(ifMatch);
        var rule = conversions.change(id, version, change.ectsPerChineseCredit());
        return Response.ok(RuleView.of(rule)).tag(Versions.etag(rule.version)).build();
    }

    private static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
