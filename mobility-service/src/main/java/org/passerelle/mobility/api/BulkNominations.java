package org.passerelle.mobility.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.mobility.MobilityService;
import org.passerelle.runtime.csv.CsvReader;
import org.passerelle.runtime.csv.CsvRow;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemMappers;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Up to 500 nominations in one request, as JSON or CSV. Each row is nominated in its own transaction, so that
 * one refused row (over quota, a malformed INE) loses none of the others; the answer has a result per row.
 */
@ApplicationScoped
public class BulkNominations {

    public static final int MAX_ROWS = 500;

    /** The CSV columns, in the header's order; requestedSessions are separated by spaces. */
    public static final List<String> CSV_COLUMNS = List.of("agreementId", "conditionId", "academicYear", "plannedArrival",
            "plannedDeparture", "givenName", "familyName", "chineseName", "email", "ine", "studentNumber", "personId",
            "requestedSessions");

    @Schema(name = "NominationResult", description = "What became of one row")
    public record RowResult(@Schema(description = "1 for the first nomination (the first line after the CSV header)") int row,
                            @Schema(example = "CREATED") Outcome outcome,
                            @Schema(description = "The mobility created") UUID mobilityId,
                            @Schema(description = "Why the row was refused") Problem problem) {
    }

    public enum Outcome { CREATED, REFUSED }

    @Schema(name = "BulkNominationResult")
    public record Result(UUID batchId, @Schema(example = "48") int created, @Schema(example = "2") int refused, List<RowResult> rows) {
    }

    @Inject
    MobilityService mobilities;

    @Inject
    Validator validator;

    public Result nominate(String actingFor, List<MobilityRequests.NominationRequest> rows, HttpHeaders headers, UriInfo uri) {
        return nominateRows(actingFor, rows.stream().map(r -> (Supplier<MobilityRequests.NominationRequest>) () -> r).toList(),
                headers, uri);
    }

    /** Rows given as parsers, so that a CSV row that does not parse is refused on its own. */
    private Result nominateRows(String actingFor, List<Supplier<MobilityRequests.NominationRequest>> rows,
                                HttpHeaders headers, UriInfo uri) {
        new InvalidFieldsException.Collector().check(rows.size() <= MAX_ROWS, "rows", "bulk.too-many", MAX_ROWS).throwIfAny();
        UUID batchId = UUID.randomUUID();
        var results = new ArrayList<RowResult>();
        var mappers = new ProblemMappers();
        for (int i = 0; i < rows.size(); i++) {
            try {
                var request = rows.get(i).get();
                var violations = validator.validate(request);
                if (!violations.isEmpty()) {
                    throw new ConstraintViolationException(violations);
                }
                // its own transaction, even inside the caller's: a refused row must not roll back the others
                var mobility = QuarkusTransaction.requiringNew().call(() -> mobilities.nominate(actingFor, request.toNomination(), batchId));
                results.add(new RowResult(i + 1, Outcome.CREATED, mobility.id, null));
            } catch (ProblemException e) {
                results.add(refused(i, mappers.refused(e, headers, uri).getEntity()));
            } catch (InvalidFieldsException e) {
                results.add(refused(i, mappers.invalidFields(e, headers, uri).getEntity()));
            } catch (ConstraintViolationException e) {
                results.add(refused(i, mappers.invalid(e, headers, uri).getEntity()));
            }
        }
        int created = (int) results.stream().filter(r -> r.outcome() == Outcome.CREATED).count();
        return new Result(batchId, created, results.size() - created, results);
    }

    private static RowResult refused(int index, Object problem) {
        return new RowResult(index + 1, Outcome.REFUSED, null, (Problem) problem);
    }

    /**
     * Nominations from CSV, as the runtime's {@link CsvReader} reads it (charset, separator, blank lines): a header
     * naming the columns, in any order; the first nine are required.
     */
    public Result nominateCsv(String actingFor, byte[] csv, HttpHeaders headers, UriInfo uri) {
        var table = CsvReader.read(csv, headers, CSV_COLUMNS, CSV_COLUMNS.subList(0, 9));
        return nominateRows(actingFor, table.rows().stream()
                .map(r -> (Supplier<MobilityRequests.NominationRequest>) () -> fromCsv(r)).toList(), headers, uri);
    }

    private static MobilityRequests.NominationRequest fromCsv(CsvRow row) {
        var request = new MobilityRequests.NominationRequest(row.uuid("agreementId"), row.uuid("conditionId"),
                row.text("academicYear"), row.date("plannedArrival"), row.date("plannedDeparture"),
                new MobilityRequests.Person(row.uuid("personId"), row.text("givenName"), row.text("familyName"),
                        row.text("chineseName"), row.text("email"), row.text("ine"), row.text("studentNumber")),
                row.uuids("requestedSessions"));
        row.throwIfInvalid();
        return request;
    }
}
