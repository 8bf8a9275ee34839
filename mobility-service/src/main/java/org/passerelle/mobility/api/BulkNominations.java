package org.passerelle.mobility.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityProblems;
import org.passerelle.mobility.MobilityRepository;
import org.passerelle.mobility.MobilityService;
import org.passerelle.runtime.csv.CsvColumns;
import org.passerelle.runtime.csv.CsvReader;
import org.passerelle.runtime.csv.CsvRow;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemMappers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Up to 500 nominations in one request, as JSON or CSV. Each row is nominated in its own transaction, so that
 * one refused row (over quota, a malformed INE) loses none of the others; the answer has a result per row. When no
 * row was nominated, the answer is the problem nothing-nominated (422), still with the result of every row.
 */
@ApplicationScoped
public class BulkNominations {

    public static final int MAX_ROWS = 500;

    /** The CSV columns, in the header's order; requestedSessions are separated by spaces. */
    public static final List<String> CSV_COLUMNS = List.of("agreementId", "conditionId", "academicYear", "plannedArrival",
            "plannedDeparture", "givenName", "familyName", "chineseName", "email", "ine", "studentNumber", "personId",
            "requestedSessions");

    /**
     * The CSV columns in English or French; requestedSessions are separated by spaces. mobilityId and status, which
     * the mobilities' CSV export writes before them, are known and not read: an export sent back is not refused for them.
     */
    static final CsvColumns CSV = new CsvColumns()
            .required("agreementId", "accord", "identifiant de l'accord")
            .required("conditionId", "condition", "identifiant de la condition")
            .required("academicYear", "année universitaire", "année")
            .required("plannedArrival", "arrivée prévue", "date d'arrivée")
            .required("plannedDeparture", "départ prévu", "date de départ")
            .required("givenName", "prénom")
            .required("familyName", "nom", "nom de famille")
            .required("chineseName", "nom chinois")
            .required("email", "courriel", "e-mail", "mail", "adresse électronique")
            .optional("ine", "INE")
            .optional("studentNumber", "numéro étudiant", "numéro étudiant SJTU")
            .optional("personId", "personne", "identifiant de la personne")
            .optional("requestedSessions", "sessions demandées", "sessions")
            .optional("mobilityId", "mobilité")
            .optional("status", "statut");

    @Schema(name = "NominationResult", description = "What became of one row")
    public record RowResult(@Schema(description = "1 for the first nomination (the first line after the CSV header)") int row,
                            @Schema(example = "CREATED") Outcome outcome,
                            @Schema(nullable = true, description = "The mobility created; null when the row was refused") UUID mobilityId,
                            @Schema(nullable = true, description = "Why the row was refused; null when it was created") Problem problem) {
    }

    @Schema(name = "NominationOutcome")
    public enum Outcome { CREATED, REFUSED }

    @Schema(name = "BulkNominationResult")
    public record Result(UUID batchId, @Schema(example = "48") int created, @Schema(example = "2") int refused, List<RowResult> rows) {
    }

    /** A bulk nomination in which no row was nominated: 422, with the result of every row. */
    public static final class NothingNominated extends ProblemException {

        private final transient Result result;

        NothingNominated(Result result) {
            super(MobilityProblems.NOTHING_NOMINATED, result.rows().size());
            this.result = result;
        }

        public Result result() {
            return result;
        }
    }

    /** The answer of a bulk nomination that nominated no row: a problem that still carries every row's result. */
    @Schema(name = "BulkNominationRefused", description = "Problem details (urn:passerelle:problem:nothing-nominated) "
            + "with the result of each row, every one REFUSED with its problem")
    public record Refusal(URI type, String title, int status, String detail,
                          @Schema(description = "The request path, relative to the service", format = "uri-reference",
                                  example = "/api/mobilities/bulk") URI instance,
                          @Schema(example = "0") int created, @Schema(example = "3") int refused, List<RowResult> rows) {

        static Refusal of(Problem problem, Result result) {
            return new Refusal(problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(),
                    result.created(), result.refused(), result.rows());
        }
    }

    @Inject
    MobilityService mobilities;

    @Inject
    MobilityRepository repository;

    @Inject
    Validator validator;

    public Result nominate(String actingFor, List<MobilityRequests.NominationRequest> rows, UUID creationKey,
                           HttpHeaders headers, UriInfo uri) {
        return nominateRows(actingFor, rows.stream().map(r -> (Supplier<MobilityRequests.NominationRequest>) () -> r).toList(),
                creationKey, headers, uri);
    }

    /**
     * Rows given as parsers, so that a CSV row that does not parse is refused on its own. With a creation key (the
     * bulk was sent with an Idempotency-Key), each mobility records it with its row number, unique together: a
     * request that takes over the key of one that died answers the rows already done with their mobility, in their
     * batch, and nominates only the others.
     */
    private Result nominateRows(String actingFor, List<Supplier<MobilityRequests.NominationRequest>> rows, UUID creationKey,
                                HttpHeaders headers, UriInfo uri) {
        new InvalidFieldsException.Collector().check(rows.size() <= MAX_ROWS, "rows", "bulk.too-many", MAX_ROWS).throwIfAny();
        Map<Integer, Mobility> done = creationKey == null ? Map.of()
                : QuarkusTransaction.requiringNew().call(() -> repository.createdUnder(creationKey));
        UUID batchId = done.values().stream().map(m -> m.batchId).findAny().orElseGet(UUID::randomUUID);
        var results = new ArrayList<RowResult>();
        var mappers = new ProblemMappers();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            if (done.containsKey(row)) {
                results.add(new RowResult(row, Outcome.CREATED, done.get(row).id, null));
                continue;
            }
            try {
                var request = rows.get(i).get();
                var violations = validator.validate(request);
                if (!violations.isEmpty()) {
                    throw new ConstraintViolationException(violations);
                }
                var bulkRow = new MobilityService.BulkRow(batchId, creationKey, row);
                results.add(new RowResult(row, Outcome.CREATED, nominateRow(actingFor, request, bulkRow).id, null));
            } catch (ProblemException e) {
                results.add(refused(i, mappers.refused(e, headers, uri).getEntity()));
            } catch (InvalidFieldsException e) {
                results.add(refused(i, mappers.invalidFields(e, headers, uri).getEntity()));
            } catch (ConstraintViolationException e) {
                results.add(refused(i, mappers.invalid(e, headers, uri).getEntity()));
            }
        }
        int created = (int) results.stream().filter(r -> r.outcome() == Outcome.CREATED).count();
        var result = new Result(batchId, created, results.size() - created, results);
        if (created == 0) {
            throw new NothingNominated(result);
        }
        return result;
    }

    /**
     * One row in its own transaction, even inside the caller's: a refused row must not roll back the others. Should
     * the row exist already (only if two requests ran the same key at once, one having lost its lock), the database
     * refused the second: the row is answered with the first one's mobility.
     */
    private Mobility nominateRow(String actingFor, MobilityRequests.NominationRequest request, MobilityService.BulkRow row) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> mobilities.nominate(actingFor, request.toNomination(), row));
        } catch (RuntimeException e) {
            if (row.creationKey() == null || !violates(e, "mobility_creation_row_unique")) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> repository.createdUnder(row.creationKey()).get(row.row()));
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static RowResult refused(int index, Object problem) {
        return new RowResult(index + 1, Outcome.REFUSED, null, (Problem) problem);
    }

    /**
     * Nominations from CSV, as the runtime's {@link CsvReader} reads it (charset, separator, blank lines): a header
     * naming the columns in English or French, in any order; the first nine are required, and a column it does not
     * know is refused.
     */
    public Result nominateCsv(String actingFor, byte[] csv, UUID creationKey, HttpHeaders headers, UriInfo uri) {
        var table = CsvReader.read(csv, headers, CSV);
        return nominateRows(actingFor, table.rows().stream()
                .map(r -> (Supplier<MobilityRequests.NominationRequest>) () -> fromCsv(r)).toList(), creationKey, headers, uri);
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
