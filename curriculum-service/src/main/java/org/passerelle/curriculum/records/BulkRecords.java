package org.passerelle.curriculum.records;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.curriculum.CurriculumProblems;
import org.passerelle.curriculum.FieldProblem;
import org.passerelle.curriculum.FieldProblemMapper;
import org.passerelle.curriculum.grading.ConversionTable;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemMappers;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Transcripts issued, or results recognised, for up to 500 mobilities in one request, with a result per row: a
 * refused row (its problem named as for a single request) loses none of the others. Rows are written a chunk at a
 * time, each chunk in one transaction, since a row checks everything before it writes and refusals are rare; a chunk
 * in which a row is refused rolls back whole and its rows are then made one by one, each in its own transaction, so
 * that only the refused rows are left out.
 */
@ApplicationScoped
public class BulkRecords {

    public static final int MAX_ROWS = 500;

    /** Rows per transaction: large enough that a transaction's cost is shared, small enough that a retry is cheap. */
    static final int CHUNK = 50;

    @Schema(name = "BulkRecordOutcome")
    public enum Outcome { ISSUED, RECOGNISED, REFUSED }

    @Schema(name = "BulkRecordRow", description = "What became of one row")
    public record RowResult(@Schema(description = "1 for the first row") int row, @Schema(example = "ISSUED") Outcome outcome,
                            UUID mobilityId,
                            @Schema(nullable = true, description = "Why the row was refused; null when it was recorded") Problem problem) {
    }

    @Schema(name = "BulkRecordResult", description = "A result per row, in the order of the request")
    public record Result(@Schema(example = "498") int recorded, @Schema(example = "2") int refused, List<RowResult> rows) {
    }

    /** A bulk request in which no row was recorded: 422, with the result of every row. */
    public static final class NothingRecorded extends ProblemException {

        private final transient Result result;

        NothingRecorded(Result result) {
            super(CurriculumProblems.NOTHING_RECORDED, result.rows().size());
            this.result = result;
        }

        public Result result() {
            return result;
        }
    }

    @Schema(name = "BulkRecordRefused", description = "Problem details (urn:passerelle:problem:nothing-recorded) with the result "
            + "of each row, every one REFUSED with its problem")
    public record Refusal(URI type, String title, int status, String detail,
                          @Schema(description = "The request path, relative to the service", format = "uri-reference",
                                  example = "/api/transcripts/bulk") URI instance,
                          @Schema(example = "0") int recorded, @Schema(example = "3") int refused, List<RowResult> rows) {

        static Refusal of(Problem problem, Result result) {
            return new Refusal(problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(),
                    result.recorded(), result.refused(), result.rows());
        }
    }

    /** One row's work, in the transaction it is given; throws the row's refusal. */
    interface RowWork {
        void run(int index, Records.BulkRow row);
    }

    @Inject
    Records records;

    @Inject
    EntityManager entityManager;

    public Result issue(List<TranscriptResource.IssueRequest> rows, Records.Viewer viewer, UUID creationKey,
                        HttpHeaders headers, UriInfo uri) {
        return run(rows.stream().map(TranscriptResource.IssueRequest::mobilityId).toList(), Transcript.class, Outcome.ISSUED, creationKey,
                (i, row) -> {
                    var request = rows.get(i);
                    records.issue(request.mobilityId(), request.scaleId(), TranscriptResource.results(request.results()), viewer, row);
                }, headers, uri);
    }

    public Result recognise(List<TranscriptResource.BulkRecognitionRequest> rows, Records.Viewer viewer, UUID creationKey,
                            HttpHeaders headers, UriInfo uri) {
        return run(rows.stream().map(TranscriptResource.BulkRecognitionRequest::mobilityId).toList(), Recognition.class,
                Outcome.RECOGNISED, creationKey,
                (i, row) -> {
                    var request = rows.get(i);
                    records.recognise(request.mobilityId(), request.homeScaleId(), request.referenceGroup(),
                            TranscriptResource.components(request.components()), viewer, row);
                }, headers, uri);
    }

    private Result run(List<UUID> mobilities, Class<?> kind, Outcome success, UUID creationKey, RowWork work, HttpHeaders headers,
                       UriInfo uri) {
        checkSize(mobilities);
        Map<List<UUID>, Optional<ConversionTable>> tablesSeen = new HashMap<>();
        Map<Integer, UUID> done = creationKey == null ? Map.of()
                : QuarkusTransaction.requiringNew().call(() -> records.madeUnder(creationKey, kind));
        var results = new RowResult[mobilities.size()];
        done.forEach((row, mobility) -> results[row - 1] = new RowResult(row, success, mobility, null));
        // in the order of the mobilities, so that two bulk requests lock the mobilities they share in the same order
        var todo = IntStream.range(0, mobilities.size()).filter(i -> results[i] == null).boxed()
                .sorted(Comparator.comparing(mobilities::get, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        for (int from = 0; from < todo.size(); from += CHUNK) {
            var chunk = todo.subList(from, Math.min(from + CHUNK, todo.size()));
            if (!inOneTransaction(chunk, work, creationKey, tablesSeen)) {
                for (int i : chunk) {
                    results[i] = alone(i, mobilities.get(i), success, work, creationKey, tablesSeen, headers, uri);
                }
                continue;
            }
            chunk.forEach(i -> results[i] = new RowResult(i + 1, success, mobilities.get(i), null));
        }
        int recorded = (int) Arrays.stream(results).filter(r -> r.outcome() == success).count();
        var result = new Result(recorded, results.length - recorded, List.of(results));
        if (recorded == 0) {
            throw new NothingRecorded(result);
        }
        return result;
    }

    /** The chunk's rows in one transaction: false, with nothing written, if any row was refused. */
    private boolean inOneTransaction(List<Integer> chunk, RowWork work, UUID creationKey,
                                     Map<List<UUID>, Optional<ConversionTable>> tablesSeen) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i : chunk) {
                    work.run(i, new Records.BulkRow(creationKey, i + 1, tablesSeen));
                    // written: nothing more to check on it, and every later query's flush would check it again
                    entityManager.flush();
                    entityManager.clear();
                }
            });
            return true;
        } catch (RuntimeException refusedOrConflicting) {
            return false;
        }
    }

    /** One row in its own transaction, so that its refusal is its own. */
    private RowResult alone(int i, UUID mobility, Outcome success, RowWork work, UUID creationKey,
                            Map<List<UUID>, Optional<ConversionTable>> tablesSeen, HttpHeaders headers, UriInfo uri) {
        try {
            QuarkusTransaction.requiringNew().run(() -> work.run(i, new Records.BulkRow(creationKey, i + 1, tablesSeen)));
            return new RowResult(i + 1, success, mobility, null);
        } catch (FieldProblem e) {
            return refused(i, mobility, new FieldProblemMapper().refused(e, headers, uri).getEntity());
        } catch (ProblemException e) {
            return refused(i, mobility, new ProblemMappers().refused(e, headers, uri).getEntity());
        } catch (InvalidFieldsException e) {
            return refused(i, mobility, new ProblemMappers().invalidFields(e, headers, uri).getEntity());
        } catch (ConstraintViolationException e) {
            return refused(i, mobility, new ProblemMappers().invalid(e, headers, uri).getEntity());
        }
    }

    private static RowResult refused(int i, UUID mobility, Object problem) {
        return new RowResult(i + 1, Outcome.REFUSED, mobility, (Problem) problem);
    }

    /** The rows of a bulk request within the limit, else the request is refused as a whole. */
    static void checkSize(List<?> rows) {
        new InvalidFieldsException.Collector().check(rows.size() <= MAX_ROWS, "rows", "bulk.too-many", MAX_ROWS).throwIfAny();
    }
}
