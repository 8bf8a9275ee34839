package org.passerelle.agreements.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.agreements.AcademicYear;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.MobilityType;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;
import org.passerelle.runtime.text.LocalizedText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Targets and their progress. {@code actingFor} is the caller's institution, or null for the international
 * office: a coordinator sees the targets on agreements its institution is party to, and no other.
 */
@ApplicationScoped
public class TargetService {

    @Inject
    EntityManager entityManager;

    @Inject
    TargetHistory history;

    @Transactional
    public Target create(TargetRequest request) {
        var target = new Target();
        target.id = UUID.randomUUID();
        apply(target, request);
        entityManager.persist(target);
        return target;
    }

    @Transactional
    public Target change(UUID id, long expectedVersion, TargetRequest request) {
        var target = find(id, null);
        if (target.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
        apply(target, request);
        return target;
    }

    private void apply(Target target, TargetRequest request) {
        check(request);
        target.title = LocalizedText.of(request.title().fr(), request.title().en(), request.title().zh());
        target.agreements = new LinkedHashSet<>(request.agreements());
        target.receivingInstitution = request.receivingInstitution();
        target.mobilityTypes = request.mobilityTypes() == null || request.mobilityTypes().isEmpty()
                ? new LinkedHashSet<>(Arrays.stream(MobilityType.values()).filter(t -> !t.isStaff()).toList())
                : new LinkedHashSet<>(request.mobilityTypes());
        target.counts = request.counts() == null ? Target.Counts.ACCEPTED : request.counts();
        target.baselineYear = request.baselineYear();
        target.baselineCount = request.baselineCount();
        target.targetYear = request.targetYear();
        target.targetCount = request.targetCount();
    }

    /** The rules that span fields or need the agreements, each answered with its field. */
    private void check(TargetRequest request) {
        var problems = new InvalidFieldsException.Collector();
        boolean years = AcademicYear.isValid(request.baselineYear()) && AcademicYear.isValid(request.targetYear());
        problems.check(years, "baselineYear", "condition.years-format");
        if (years) {
            problems.check(AcademicYear.start(request.targetYear()) > AcademicYear.start(request.baselineYear()),
                    "targetYear", "target.year-order", request.baselineYear());
        }
        for (int i = 0; i < request.agreements().size(); i++) {
            var agreement = entityManager.find(Agreement.class, request.agreements().get(i));
            String field = "agreements[" + i + "]";
            problems.check(agreement != null, field, "target.unknown-agreement", request.agreements().get(i));
            if (agreement != null) {
                problems.check(agreement.hasParty(request.receivingInstitution()), field, "target.receiving-not-a-party",
                        request.receivingInstitution());
            }
        }
        problems.throwIfAny();
    }

    @Transactional
    public Target find(UUID id, String actingFor) {
        var target = entityManager.find(Target.class, id);
        if (target == null || (actingFor != null && !visibleTo(target, actingFor))) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        return target;
    }

    private boolean visibleTo(Target target, String institution) {
        return target.agreements.stream().map(id -> entityManager.find(Agreement.class, id))
                .anyMatch(agreement -> agreement != null && agreement.hasParty(institution));
    }

    @Transactional
    public Page<Target> list(String actingFor, PageRequest page) {
        String visible = actingFor == null ? "" : " where exists (select 1 from Target v join v.agreements ag, Agreement a "
                + "join a.parties p where v = t and a.id = ag and p.institution = :institution)";
        var query = entityManager.createQuery("select t from Target t" + visible + " order by t.createdAt desc, t.id", Target.class);
        var count = entityManager.createQuery("select count(t) from Target t" + visible, Long.class);
        if (actingFor != null) {
            query.setParameter("institution", actingFor);
            count.setParameter("institution", actingFor);
        }
        var items = query.setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList();
        return Page.of(items, page, count.getSingleResult());
    }

    /** The progress of the target, year by year from its baseline year to its target year, as of {@code today}. */
    @Transactional
    public TargetProgress progress(UUID id, String actingFor, LocalDate today) {
        var target = find(id, actingFor);
        var tallies = tallies(target);
        var imported = history.counts(target.id);
        String current = AcademicYear.of(today);
        String assessed = AcademicYear.start(current) < AcademicYear.start(target.targetYear) ? current : target.targetYear;
        var years = new ArrayList<TargetProgress.Year>();
        TargetProgress.Standing standing = TargetProgress.Standing.UPCOMING;
        for (String year = target.baselineYear; AcademicYear.start(year) <= AcademicYear.start(target.targetYear);
             year = AcademicYear.plus(year, 1)) {
            var tally = tallies.getOrDefault(year, new Tally());
            int importedCount = imported.getOrDefault(year, 0);
            int accepted = tally.sum(CountedMobility.Status.ACCEPTED, CountedMobility.Status.IN_PROGRESS, CountedMobility.Status.COMPLETED);
            int counted = importedCount + (target.counts == Target.Counts.RECOGNISED ? tally.recognised : accepted);
            int expected = target.expectedIn(year);
            var yearStanding = AcademicYear.start(year) > AcademicYear.start(current) ? TargetProgress.Standing.UPCOMING
                    : counted >= expected ? TargetProgress.Standing.ON_TRACK : TargetProgress.Standing.BEHIND;
            years.add(new TargetProgress.Year(year, expected, counted, importedCount, tally.sum(CountedMobility.Status.NOMINATED),
                    tally.sum(CountedMobility.Status.IN_PROGRESS), tally.sum(CountedMobility.Status.COMPLETED), tally.recognised,
                    tally.sum(CountedMobility.Status.REJECTED, CountedMobility.Status.CANCELLED, CountedMobility.Status.SEAT_REFUSED),
                    yearStanding));
            if (year.equals(assessed)) {
                standing = yearStanding;
            }
        }
        return new TargetProgress(target.id, target.counts, assessed, standing, TargetProgress.countingRule(target.counts), years,
                imported.entrySet().stream().map(e -> new TargetHistory.ImportedYear(e.getKey(), e.getValue())).toList());
    }

    /** A year's mobilities: how many are in each status, and how many had their results recognised. */
    private static final class Tally {
        final Map<CountedMobility.Status, Integer> byStatus = new EnumMap<>(CountedMobility.Status.class);
        int recognised;

        int sum(CountedMobility.Status... statuses) {
            return Arrays.stream(statuses).mapToInt(s -> byStatus.getOrDefault(s, 0)).sum();
        }
    }

    private Map<String, Tally> tallies(Target target) {
        List<Object[]> rows = entityManager.createQuery("""
                        select m.academicYear, m.status, count(m), count(m.recognisedAt) from CountedMobility m
                        where m.agreementId in :agreements and m.receivingInstitution = :receiving
                          and m.mobilityType in :types and m.academicYear between :first and :last
                        group by m.academicYear, m.status""", Object[].class)
                .setParameter("agreements", target.agreements)
                .setParameter("receiving", target.receivingInstitution)
                .setParameter("types", target.mobilityTypes)
                .setParameter("first", target.baselineYear)
                .setParameter("last", target.targetYear)
                .getResultList();
        var tallies = new HashMap<String, Tally>();
        for (Object[] row : rows) {
            var tally = tallies.computeIfAbsent((String) row[0], y -> new Tally());
            tally.byStatus.put((CountedMobility.Status) row[1], ((Long) row[2]).intValue());
            tally.recognised += ((Long) row[3]).intValue();
        }
        return tallies;
    }
}
