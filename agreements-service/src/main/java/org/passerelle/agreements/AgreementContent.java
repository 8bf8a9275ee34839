package org.passerelle.agreements;

import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.text.LocalizedText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * What the parties of an agreement approve: one version of it. A draft, the version in force and a pending
 * amendment are each one of these; {@link #hash()} names it in approvals.
 *
 * @param parties SCHAC codes, in the order given (the hash sorts them)
 * @param signedOn the day the agreement was signed, if known
 * @param signedAt where it was signed, e.g. "Paris"
 */
public record AgreementContent(AgreementKind kind, LocalizedText title, List<String> parties, LocalDate signedOn,
                               String signedAt, String firstAcademicYear, String lastAcademicYear,
                               List<CooperationCondition> conditions) {

    /**
     * Checks the content.
     * Parties and years are refused as a whole; the conditions are refused field by field, all at once.
     */
    public static AgreementContent of(AgreementKind kind, LocalizedText title, List<String> parties, LocalDate signedOn,
                                      String signedAt, String firstAcademicYear, String lastAcademicYear,
                                      List<CooperationCondition> conditions) {
        var distinct = new LinkedHashSet<>(parties);
        if (distinct.size() < 2 || distinct.size() != parties.size()) {
            throw new ProblemException(AgreementProblems.PARTIES, parties.size());
        }
        if (!AcademicYear.isValid(firstAcademicYear) || !AcademicYear.isValid(lastAcademicYear)
                || AcademicYear.start(lastAcademicYear) < AcademicYear.start(firstAcademicYear)) {
            throw new ProblemException(AgreementProblems.YEARS, firstAcademicYear, lastAcademicYear);
        }
        var content = new AgreementContent(kind, title, List.copyOf(parties), signedOn, signedAt,
                firstAcademicYear, lastAcademicYear, List.copyOf(conditions));
        content.checkConditions();
        return content;
    }

    /** This content as it is kept: parties sorted, an id for each new condition. */
    AgreementContent canonical() {
        conditions.stream().filter(c -> c.id == null).forEach(c -> c.id = UUID.randomUUID());
        return new AgreementContent(kind, title, parties.stream().sorted().toList(), signedOn, signedAt, firstAcademicYear,
                lastAcademicYear, conditions);
    }

    public boolean hasParty(String institution) {
        return parties.contains(institution);
    }

    /** The rules of each cooperation condition that span fields, all reported at once by field. */
    private void checkConditions() {
        var problems = new InvalidFieldsException.Collector();
        for (int i = 0; i < conditions.size(); i++) {
            var c = conditions.get(i);
            String at = "conditions[" + i + "].";
            problems.check(!c.sendingInstitution.equals(c.receivingInstitution), at + "receivingInstitution", "condition.same-institution")
                    .check(hasParty(c.sendingInstitution), at + "sendingInstitution", "condition.not-a-party", c.sendingInstitution)
                    .check(hasParty(c.receivingInstitution), at + "receivingInstitution", "condition.not-a-party", c.receivingInstitution);
            boolean yearsValid = AcademicYear.isValid(c.firstAcademicYear) && AcademicYear.isValid(c.lastAcademicYear);
            problems.check(yearsValid, at + "firstAcademicYear", "condition.years-format");
            if (yearsValid) {
                problems.check(AcademicYear.start(c.lastAcademicYear) >= AcademicYear.start(c.firstAcademicYear),
                                at + "lastAcademicYear", "condition.years-order", c.firstAcademicYear)
                        .check(AcademicYear.start(c.firstAcademicYear) >= AcademicYear.start(firstAcademicYear)
                                        && AcademicYear.start(c.lastAcademicYear) <= AcademicYear.start(lastAcademicYear),
                                at + "firstAcademicYear", "condition.outside-agreement", firstAcademicYear, lastAcademicYear);
            }
            problems.check(c.minimumDays == null || c.maximumDays == null || c.minimumDays <= c.maximumDays,
                            at + "minimumDays", "condition.duration-order", c.maximumDays)
                    .check(c.mobilityType.isStaff() == (c.staffDaysPerYear != null), at + "staffDaysPerYear", "condition.staff-days")
                    .check((c.language == null) == (c.cefrLevel == null), at + "cefrLevel", "condition.language-pair");
        }
        for (int i = 0; i < conditions.size(); i++) {
            UUID id = conditions.get(i).id;
            problems.check(id == null || conditions.stream().filter(c -> id.equals(c.id)).count() == 1,
                    "conditions[" + i + "].id", "condition.id-twice");
        }
        problems.throwIfAny();
    }

    /** SHA-256 of the content in a fixed order: the name of this content in approvals. */
    public String hash() {
        String content = String.join("\n", kind.name(), title.fr(), title.en(), title.zh(), String.join(",", parties.stream().sorted().toList()),
                String.valueOf(signedOn), String.valueOf(signedAt), firstAcademicYear, lastAcademicYear,
                String.join("\n", conditions.stream().map(CooperationCondition::content).toList()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
