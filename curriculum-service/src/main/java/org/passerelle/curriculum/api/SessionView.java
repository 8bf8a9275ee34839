package org.passerelle.curriculum.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.curriculum.Session;
import org.passerelle.curriculum.SessionStatus;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Session", description = "An item offered in a period, with its seats")
public record SessionView(
        UUID id,
        UUID itemId,
        @Schema(example = "2026/2027") String academicYear,
        @Schema(example = "2027-07-05") LocalDate startDate,
        @Schema(example = "2027-07-30") LocalDate endDate,
        @Schema(example = "OPEN") SessionStatus status,
        @Schema(example = "30") int capacity,
        @Schema(description = "Seats held by mobilities", example = "12") int held,
        @Schema(description = "Seats that can still be held: 0 unless the session is open", example = "18") int freeSeats) {

    static SessionView of(Session s) {
        return new SessionView(s.id, s.itemId, s.academicYear, s.startDate, s.endDate, s.status, s.capacity, s.held, s.freeSeats());
    }
}
