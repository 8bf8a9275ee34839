package org.passerelle.curriculum.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.curriculum.CurriculumProblems;
import org.passerelle.curriculum.FieldProblem;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Grading scales, conversion tables and grade distributions, and the conversions made with them. */
@ApplicationScoped
public class Grading {

    /** A scale as declared: the fields of its kind, the others null. */
    public record ScaleDraft(String institution, String code, String name, ScaleKind kind, BigDecimal minimum,
                             BigDecimal maximum, BigDecimal passMark, Integer decimals, List<String> labels, String lowestPass) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    public GradingScale declare(ScaleDraft draft) {
        var problems = new InvalidFieldsException.Collector();
        GradingScale scale = switch (draft.kind()) {
            case NUMERIC -> {
                problems.check(draft.minimum() != null, "minimum", "scale.required-for-kind", draft.kind())
                        .check(draft.maximum() != null, "maximum", "scale.required-for-kind", draft.kind())
                        .check(draft.passMark() != null, "passMark", "scale.required-for-kind", draft.kind())
                        .check(draft.decimals() != null, "decimals", "scale.required-for-kind", draft.kind()).throwIfAny();
                problems.check(draft.minimum().compareTo(draft.maximum()) < 0, "maximum", "scale.maximum-above-minimum")
                        .check(draft.passMark().compareTo(draft.minimum()) >= 0 && draft.passMark().compareTo(draft.maximum()) <= 0,
                                "passMark", "scale.pass-mark-in-range").throwIfAny();
                yield GradingScale.numeric(draft.institution(), draft.code(), draft.name(), draft.minimum(), draft.maximum(),
                        draft.passMark(), draft.decimals());
            }
            case LABELS -> {
                problems.check(draft.labels() != null && draft.labels().size() >= 2, "labels", "scale.labels")
                        .check(draft.lowestPass() != null, "lowestPass", "scale.required-for-kind", draft.kind()).throwIfAny();
                problems.check(new HashSet<>(draft.labels()).size() == draft.labels().size(), "labels", "scale.labels")
                        .check(draft.labels().contains(draft.lowestPass()), "lowestPass", "scale.lowest-pass-a-label").throwIfAny();
                yield GradingScale.labels(draft.institution(), draft.code(), draft.name(), draft.labels(), draft.lowestPass());
            }
            case PASS_FAIL -> GradingScale.passFail(draft.institution(), draft.code(), draft.name());
        };
        boolean taken = !entityManager.createQuery("select s.id from GradingScale s where s.institution = ?1 and s.code = ?2")
                .setParameter(1, draft.institution()).setParameter(2, draft.code()).getResultList().isEmpty();
        if (taken) {
            throw new ProblemException(ProblemType.CONFLICT);
        }
        entityManager.persist(scale);
        entityManager.flush();
        entityManager.refresh(scale);
        return scale;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GradingScale scale(UUID id) {
        return Optional.ofNullable(entityManager.find(GradingScale.class, id))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    /** A scale named in a request: an unknown one is a validation problem of that field. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GradingScale scale(UUID id, String field) {
        var scale = id == null ? null : entityManager.find(GradingScale.class, id);
        if (scale == null) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.InvalidField(field, "scale.unknown")));
        }
        return scale;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GradingScale> scales(String institution, PageRequest request) {
        String where = institution == null ? "" : " where s.institution = :institution";
        var query = entityManager.createQuery("select s from GradingScale s" + where + " order by s.institution, s.code, s.id", GradingScale.class);
        var count = entityManager.createQuery("select count(s) from GradingScale s" + where, Long.class);
        if (institution != null) {
            query.setParameter("institution", institution);
            count.setParameter("institution", institution);
        }
        var items = query.setFirstResult(request.page * request.size).setMaxResults(request.size).getResultList();
        return Page.of(items, request, count.getSingleResult());
    }

    /** Declares the table from one scale into another; one per ordered pair of scales. */
    @Transactional
    public ConversionTable declareTable(GradingScale from, GradingScale to, List<ConversionTable.Row> rows, String declaredBy) {
        if (from.id.equals(to.id)) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.InvalidField("toScaleId", "table.same-scale")));
        }
        GradeConverter.tableProblem(from, to, rows).ifPresent(p -> {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.InvalidField((String) p[0], (String) p[1],
                    java.util.Arrays.copyOfRange(p, 2, p.length))));
        });
        if (table(from.id, to.id).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT);
        }
        var table = ConversionTable.between(from, to, rows, declaredBy);
        entityManager.persist(table);
        entityManager.flush();
        entityManager.refresh(table);
        return table;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConversionTable table(UUID id) {
        return Optional.ofNullable(entityManager.find(ConversionTable.class, id))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    @Transactional
    public GradeDistribution record(GradingScale scale, String referenceGroup, List<GradeDistribution.Count> counts, String recordedBy) {
        var problems = new InvalidFieldsException.Collector();
        var seen = new HashSet<String>();
        for (int i = 0; i < counts.size(); i++) {
            String grade = counts.get(i).grade();
            problems.check(scale.contains(grade) && scale.passes(grade), "counts[" + i + "].grade", "distribution.passing-grade", grade, scale.code)
                    .check(seen.add(grade), "counts[" + i + "].grade", "table.duplicate-row", grade);
        }
        problems.check(counts.stream().mapToLong(GradeDistribution.Count::students).sum() > 0, "counts", "distribution.nobody").throwIfAny();
        var distribution = GradeDistribution.of(scale, referenceGroup, counts, recordedBy);
        entityManager.persist(distribution);
        entityManager.flush();
        entityManager.refresh(distribution);
        return distribution;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GradeDistribution distribution(UUID id) {
        return Optional.ofNullable(entityManager.find(GradeDistribution.class, id))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    /**
     * Converts a grade: by the declared table of the two scales when there is one and no reference group is named,
     * otherwise by the latest distributions of the reference group on both sides (the only group both share when
     * none is named). Neither: {@code no-grade-conversion}, naming {@code field}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConvertedGrade convert(GradingScale from, GradingScale to, String grade, String referenceGroup, String field) {
        return convert(from, to, grade, referenceGroup, field, new HashMap<>());
    }

    /**
     * The same, looking up the table of two scales once for many grades: {@code tablesSeen} keeps, by pair of scale
     * ids, the table found or its absence, for the length of one request.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConvertedGrade convert(GradingScale from, GradingScale to, String grade, String referenceGroup, String field,
                                  Map<List<UUID>, Optional<ConversionTable>> tablesSeen) {
        try {
            if (referenceGroup == null) {
                var table = tablesSeen.computeIfAbsent(List.of(from.id, to.id), pair -> table(from.id, to.id));
                if (table.isPresent()) {
                    return GradeConverter.byTable(from, to, table.get(), grade);
                }
            }
            String group = referenceGroup != null ? referenceGroup : sharedGroup(from, to).orElse(null);
            var fromGroup = group == null ? Optional.<GradeDistribution>empty() : latest(from, group);
            var toGroup = group == null ? Optional.<GradeDistribution>empty() : latest(to, group);
            if (fromGroup.isEmpty() || toGroup.isEmpty()) {
                throw new FieldProblem(CurriculumProblems.NO_GRADE_CONVERSION, field,
                        group == null ? "conversion.nothing-declared" : "conversion.no-distribution", from.code, to.code, group);
            }
            return GradeConverter.byDistribution(from, fromGroup.get(), to, toGroup.get(), grade);
        } catch (GradeConverter.NotConvertible e) {
            throw new FieldProblem(CurriculumProblems.NO_GRADE_CONVERSION, field, e.reasonKey, e.arguments);
        }
    }

    private Optional<ConversionTable> table(UUID from, UUID to) {
        return entityManager.createQuery("select t from ConversionTable t where t.fromScaleId = ?1 and t.toScaleId = ?2", ConversionTable.class)
                .setParameter(1, from).setParameter(2, to).getResultStream().findFirst();
    }

    private Optional<GradeDistribution> latest(GradingScale scale, String group) {
        return entityManager.createQuery("select d from GradeDistribution d where d.scaleId = ?1 and d.referenceGroup = ?2 "
                        + "order by d.createdAt desc, d.id", GradeDistribution.class)
                .setParameter(1, scale.id).setParameter(2, group).setMaxResults(1).getResultStream().findFirst();
    }

    private Optional<String> sharedGroup(GradingScale from, GradingScale to) {
        List<String> groups = entityManager.createQuery("select distinct a.referenceGroup from GradeDistribution a, GradeDistribution b "
                        + "where a.scaleId = ?1 and b.scaleId = ?2 and a.referenceGroup = b.referenceGroup", String.class)
                .setParameter(1, from.id).setParameter(2, to.id).getResultList();
        return groups.size() == 1 ? Optional.of(groups.get(0)) : Optional.empty();
    }
}
