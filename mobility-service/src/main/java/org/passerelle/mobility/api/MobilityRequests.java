package org.passerelle.mobility.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.mobility.Nomination;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the mobilities API. */
public final class MobilityRequests {

    private MobilityRequests() {
    }

    @Schema(name = "NominatedPerson", description = "The least personal data the mobility needs")
    public record Person(
            @Schema(description = "identity-service's id of the person, when known: it must be one identity-service registered "
                    + "(unknown-person otherwise). Without it, the person is found by INE or SJTU student number") UUID personId,
            @NotBlank @Size(max = 200) @Schema(example = "Éloïse") String givenName,
            @NotBlank @Size(max = 200) @Schema(example = "D'Aubigné") String familyName,
            @Size(max = 100) @Schema(description = "Name in Chinese characters", example = "王芳") String chineseName,
            @NotBlank @Email @Size(max = 320) @Schema(example = "eloise.daubigne@etu.univ-lyon1.fr") String email,
            @Schema(description = "INE of a French student: 9 digits and 2 letters, or 10 digits and 1 letter, in any "
                    + "case (stored in capitals); required when a French institution sends a student", example = "123456789AB") String ine,
            @Size(max = 40) @Schema(description = "SJTU student number; required when SJTUSM sends a student",
                    example = "521010910123") String studentNumber) {
    }

    @Schema(name = "Nomination", description = "The sending side nominates a person for a cooperation condition")
    public record NominationRequest(
            @NotNull @Schema(example = "5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c4e70") UUID agreementId,
            @NotNull @Schema(description = "A cooperation condition of the agreement, as its events name it",
                    example = "c3a1e5f7-2b4d-4f6a-8c0e-9d1b3f5a7c20") UUID conditionId,
            @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
            @Schema(description = "The receiving side's academic year", example = "2026/2027") String academicYear,
            @NotNull @Schema(example = "2027-07-05") LocalDate plannedArrival,
            @NotNull @Schema(example = "2027-07-30") LocalDate plannedDeparture,
            @NotNull @Valid Person person,
            @Size(max = 20) @Schema(description = "Catalogue sessions to hold a seat in") List<@NotNull UUID> requestedSessions) {

        Nomination toNomination() {
            return new Nomination(agreementId, conditionId, academicYear, plannedArrival, plannedDeparture,
                    new Nomination.Person(person.personId(), person.givenName(), person.familyName(), person.chineseName(),
                            person.email(), person.ine(), person.studentNumber()),
                    requestedSessions == null ? List.of() : requestedSessions);
        }
    }

    @Schema(name = "MobilityReason", description = "Why a mobility is rejected or cancelled")
    public record Reason(@NotBlank @Size(max = 2000) @Schema(example = "Prérequis non remplis : 4e année d'études exigée") String reason) {
    }

    @Schema(name = "ConfirmedDate", description = "The day the person arrived or left")
    public record ConfirmedDate(@NotNull @Schema(example = "2027-07-05") LocalDate on) {
    }
}
