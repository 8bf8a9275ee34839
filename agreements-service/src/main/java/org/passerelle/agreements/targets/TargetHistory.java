package org.passerelle.agreements.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.AcademicYear;
import org.passerelle.runtime.problem.InvalidFieldsException;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A target's yearly counts from before Passerelle counted mobilities, as the international office's records have
 * them: imported, never mixed up with what mobility events count, and shown as imported wherever they are used.
 */
@ApplicationScoped
public class TargetHistory {

    @Schema(name = "ImportedYear", description = "A yearly count from the records kept before Passerelle")
    public record ImportedYear(
            @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") @Schema(example = "2023/2024") String academicYear,
            @NotNull @PositiveOrZero @Max(100_000) @Schema(example = "333") Integer students,
            @Schema(description = "Always IMPORTED: not counted from mobilities", example = "IMPORTED", readOnly = true) String source) {

        public ImportedYear(String academicYear, Integer students) {
            this(academicYear, students, IMPORTED);
        }
    }

    public static final String IMPORTED = "IMPORTED";

    @Inject
    EntityManager entityManager;

    @Inject
    TargetService targets;

    /**
     * Replaces the target's imported history with these years, all or none: a year named twice, or that does not
     * make an academic year, refuses the whole import.
     */
    @Transactional
    public List<ImportedYear> replace(UUID targetId, List<ImportedYear> years, String importedBy) {
        targets.find(targetId, null);
        var problems = new InvalidFieldsException.Collector();
        var seen = new HashSet<String>();
        for (int i = 0; i < years.size(); i++) {
            String year = years.get(i).academicYear();
            problems.check(AcademicYear.isValid(year), "[" + i + "].academicYear", "target.year-format")
                    .check(seen.add(year), "[" + i + "].academicYear", "target.history-year-twice", year);
        }
        problems.throwIfAny();
        entityManager.createNativeQuery("delete from target_history where target_id = ?1").setParameter(1, targetId).executeUpdate();
        Instant now = Instant.now();
        for (ImportedYear year : years) {
            entityManager.createNativeQuery("""
                            insert into target_history (target_id, academic_year, count, imported_at, imported_by)
                            values (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, targetId).setParameter(2, year.academicYear()).setParameter(3, year.students())
                    .setParameter(4, now).setParameter(5, importedBy).executeUpdate();
        }
        return of(targetId);
    }

    /** The imported years, earliest first. */
    @Transactional
    public List<ImportedYear> of(UUID targetId) {
        return counts(targetId).entrySet().stream().map(e -> new ImportedYear(e.getKey(), e.getValue())).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, Integer> counts(UUID targetId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select academic_year, count from target_history where target_id = ?1 order by academic_year")
                .setParameter(1, targetId).getResultList();
        var counts = new LinkedHashMap<String, Integer>();
        rows.forEach(r -> counts.put(((String) r[0]).strip(), ((Number) r[1]).intValue()));
        return counts;
    }
}
