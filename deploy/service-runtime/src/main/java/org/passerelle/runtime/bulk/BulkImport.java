package org.passerelle.runtime.bulk;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemMappers;
import org.passerelle.runtime.problem.ProblemType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Up to 500 rows created (or matched with what exists) in one request, each in its own transaction, so that a refused
 * row loses none of the others; the answer has a result per row. With an Idempotency-Key, each row created records the
 * key's creation key and its row number, unique together: a request that takes over the key of one that died answers
 * the rows done with what they created and runs only the others. When no row was created or matched, the answer is
 * the problem nothing-imported (422), still with every row's result.
 */
@ApplicationScoped
public class BulkImport {

    public static final int MAX_ROWS = 500;
    public static final ProblemType NOTHING_IMPORTED = new ProblemType("nothing-imported", 422);

    @Schema(name = "BulkImportOutcome")
    public enum Outcome {
        /** The row created a new resource. */
        CREATED,
        /** The row names one that exists (same identifier or id): nothing was created or changed. */
        MATCHED,
        /** The row was refused: problem says why; nothing of it was created. */
        REFUSED
    }

    @Schema(name = "BulkRowResult", description = "What became of one row")
    public record RowResult(@Schema(description = "1 for the first row (the first line after the CSV header)", example = "1") int row,
                            @Schema(example = "CREATED") Outcome outcome,
                            @Schema(nullable = true, description = "What the row created or matched; null when it was refused") UUID id,
                            @Schema(nullable = true, description = "Why the row was refused; null otherwise") Problem problem) {
    }

    @Schema(name = "BulkResult", description = "A result per row, in the order of the rows")
    public record Result(@Schema(example = "48") int created, @Schema(example = "1") int matched,
                         @Schema(example = "2") int refused, List<RowResult> rows) {
    }

    /** What one row did: created or matched this id. */
    public record Done(Outcome outcome, UUID id) {
    }

    /** One row's work, given its number (1 for the first); it runs in a transaction of its own. */
    @FunctionalInterface
    public interface Step<T> {
        Done run(T request, int row);
    }

    /** A bulk in which no row was created or matched: 422, with every row's result. */
    public static final class NothingImported extends ProblemException {

        private final transient Result result;

        NothingImported(Result result) {
            super(NOTHING_IMPORTED, result.rows().size());
            this.result = result;
        }

        public Result result() {
            return result;
        }
    }

    /** The answer of a bulk that imported no row: a problem that still carries every row's result. */
    @Schema(name = "BulkRefused", description = "Problem details (urn:passerelle:problem:nothing-imported) with the result "
            + "of each row, every one REFUSED with its problem")
    public record Refusal(URI type, String title, int status, String detail,
                          @Schema(format = "uri-reference", example = "/api/people/bulk") URI instance,
                          @Schema(example = "0") int created, @Schema(example = "0") int matched,
                          @Schema(example = "3") int refused, List<RowResult> rows) {

        public static Refusal of(Problem problem, Result result) {
            return new Refusal(problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(),
                    result.created(), result.matched(), result.refused(), result.rows());
        }
    }

    @Inject
    Validator validator;

    /**
     * Runs the rows, given as parsers so that a CSV row that does not read is refused on its own. {@code done} are
     * the rows an earlier request under the same key created (row number to id): they are answered, not run again.
     */
    public <T> Result run(List<Supplier<T>> rows, Map<Integer, UUID> done, Step<T> step, HttpHeaders headers, UriInfo uri) {
        new InvalidFieldsException.Collector().check(rows.size() <= MAX_ROWS, "rows", "bulk.too-many-rows", MAX_ROWS).throwIfAny();
        var results = new ArrayList<RowResult>();
        var mappers = new ProblemMappers();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            if (done.containsKey(row)) {
                results.add(new RowResult(row, Outcome.CREATED, done.get(row), null));
                continue;
            }
            try {
                T request = rows.get(i).get();
                var violations = validator.validate(request);
                if (!violations.isEmpty()) {
                    throw new ConstraintViolationException(violations);
                }
                Done did = QuarkusTransaction.requiringNew().call(() -> step.run(request, row));
                results.add(new RowResult(row, did.outcome(), did.id(), null));
            } catch (ProblemException e) {
                results.add(refused(row, mappers.refused(e, headers, uri).getEntity()));
            } catch (InvalidFieldsException e) {
                results.add(refused(row, mappers.invalidFields(e, headers, uri).getEntity()));
            } catch (ConstraintViolationException e) {
                results.add(refused(row, mappers.invalid(e, headers, uri).getEntity()));
            }
        }
        int created = count(results, Outcome.CREATED);
        int matched = count(results, Outcome.MATCHED);
        var result = new Result(created, matched, results.size() - created - matched, results);
        if (created + matched == 0 && !results.isEmpty()) {
            throw new NothingImported(result);
        }
        return result;
    }

    private static int count(List<RowResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static RowResult refused(int row, Object problem) {
        return new RowResult(row, Outcome.REFUSED, null, (Problem) problem);
    }

    /** Whether a failure is the database refusing a row already created under the key (a lost-lock race). */
    public static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
