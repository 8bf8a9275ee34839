package org.passerelle.agreements.ewp;

import org.passerelle.agreements.AcademicYear;
import org.passerelle.agreements.AgreementContent;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.CooperationCondition;
import org.passerelle.agreements.MobilityType;
import org.passerelle.agreements.ewp.Iia.Kind;
import org.passerelle.agreements.ewp.Iia.LanguageSkill;
import org.passerelle.agreements.ewp.Iia.Partner;
import org.passerelle.agreements.ewp.Iia.Spec;
import org.passerelle.agreements.ewp.Iia.SubjectArea;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemMessages;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.text.LocalizedText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passerelle's agreements in EWP's IIA form and back, field by field as docs/interop/ewp.md writes it down. What
 * EWP cannot carry and Passerelle needs back (the exact mobility type, the days per person) travels in the
 * condition's other-info-terms as one sentence a person can read, which an import reads again.
 */
public final class IiaMapping {

    /** Erasmus+ counts a month as 30 days (total months per year <-> days per person). */
    static final int DAYS_PER_MONTH = 30;
    /** Passerelle's own bounds (places per year as the API takes them; days, far beyond any real agreement). */
    static final int MAX_PLACES = 10_000;
    static final int MAX_DAYS = 100_000;

    private static final Pattern TYPE = Pattern.compile("Passerelle mobility type: ([A-Z_]+)\\.");
    private static final Pattern MINIMUM = Pattern.compile("Minimum days per person: (\\d+)\\.");
    private static final Pattern MAXIMUM = Pattern.compile("Maximum days per person: (\\d+)\\.");
    private static final Pattern EQF = Pattern.compile("EQF level: (\\d)\\.");

    private IiaMapping() {
    }

    /** The partner's own ids for an IIA, kept from an import so that an export names them again. */
    public record PartnerIds(String iiaId, String iiaCode) {
    }

    // ---- export ----

    /**
     * The agreement as an IIA published by {@code localHei} (first partner; the first party in SCHAC order when
     * it is no party). Refused when it has more than two parties, or lacks what the IIAs API requires.
     *
     * @param partnerIds  the other partner's ids for this IIA, when an import told them
     * @param inEffect    whether a version of it was ever in force
     */
    public static Iia toIia(UUID id, AgreementContent content, boolean inEffect, String localHei,
                            Map<String, PartnerIds> partnerIds, Locale locale) {
        List<String> parties = content.parties().stream().sorted().toList();
        if (parties.size() != 2) {
            throw new ProblemException(EwpProblems.NOT_BILATERAL, parties.size());
        }
        String first = parties.contains(localHei) ? localHei : parties.get(0);
        String second = parties.get(0).equals(first) ? parties.get(1) : parties.get(0);
        PartnerIds theirs = partnerIds.getOrDefault(second, new PartnerIds(null, null));
        List<Partner> partners = List.of(
                new Partner(first, null, id.toString(), id.toString(), content.signedOn(), 0),
                new Partner(second, null, theirs.iiaId(), theirs.iiaCode(), content.signedOn(), 0));

        List<Problem.FieldError> missing = new ArrayList<>();
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < content.conditions().size(); i++) {
            CooperationCondition c = content.conditions().get(i);
            Kind kind = kindOf(c.mobilityType);
            if (kind.requiresLanguage() && c.language == null) {
                missing.add(new Problem.FieldError("conditions[" + i + "].language",
                        ProblemMessages.text("ewp.language-required", locale, c.mobilityType)));
            }
            if (c.placesPerYear > 0) {   // EWP counts at least one mobility; a direction without places is no condition
                specs.add(toSpec(kind, c));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(EwpProblems.INCOMPLETE, missing, missing.size());
        }
        specs.sort(Comparator.comparing(Spec::kind));   // the schema's order; stable within a kind
        return new Iia(partners, inEffect, specs, null, false);
    }

    static Kind kindOf(MobilityType type) {
        return switch (type) {
            case BASIC_COURSES -> Kind.STUDENT_STUDIES;
            case SUMMER_TRAINING, CLINICAL_INTERNSHIP_MID, CLINICAL_INTERNSHIP_LONG, RESEARCH_LONG -> Kind.STUDENT_TRAINEESHIP;
            case STAFF_TEACHING -> Kind.STAFF_TEACHER;
            case STAFF_TRAINING -> Kind.STAFF_TRAINING;
        };
    }

    /** The Passerelle type an EWP kind stands for when the file does not say more. */
    static MobilityType typeOf(Kind kind) {
        return switch (kind) {
            case STUDENT_STUDIES -> MobilityType.BASIC_COURSES;
            case STUDENT_TRAINEESHIP -> MobilityType.CLINICAL_INTERNSHIP_MID;
            case STAFF_TEACHER -> MobilityType.STAFF_TEACHING;
            case STAFF_TRAINING -> MobilityType.STAFF_TRAINING;
        };
    }

    private static Spec toSpec(Kind kind, CooperationCondition c) {
        List<LanguageSkill> skills = c.language == null ? List.of() : List.of(new LanguageSkill(c.language, c.cefrLevel));
        List<SubjectArea> areas = c.iscedCode == null ? List.of() : List.of(new SubjectArea(c.iscedCode, null));
        BigDecimal months = kind.isStudent() && c.maximumDays != null
                ? BigDecimal.valueOf((long) c.placesPerYear * c.maximumDays).divide(BigDecimal.valueOf(DAYS_PER_MONTH), 2, RoundingMode.HALF_UP)
                : null;
        return new Spec(kind, c.sendingInstitution, null, c.receivingInstitution, null, c.firstAcademicYear,
                c.lastAcademicYear, c.placesPerYear, skills, areas, otherInfoTerms(kind, c), months,
                kind.isStudent() ? Boolean.FALSE : null,
                kind.isStudent() && c.eqfLevel != null ? List.of(c.eqfLevel) : List.of(),
                kind.isStudent() ? null : BigDecimal.valueOf(c.staffDaysPerYear), 0);
    }

    /** What EWP has no element for, in one sentence per fact: "Passerelle mobility type: SUMMER_TRAINING. ..." */
    private static String otherInfoTerms(Kind kind, CooperationCondition c) {
        var text = new StringBuilder("Passerelle mobility type: ").append(c.mobilityType).append('.');
        if (c.minimumDays != null) {
            text.append(" Minimum days per person: ").append(c.minimumDays).append('.');
        }
        if (c.maximumDays != null) {
            text.append(" Maximum days per person: ").append(c.maximumDays).append('.');
        }
        if (!kind.isStudent() && c.eqfLevel != null) {
            text.append(" EQF level: ").append(c.eqfLevel).append('.');
        }
        return text.toString();
    }

    // ---- import ----

    /** A draft's content read from an IIA, and what of the IIA it does not keep (one sentence each). */
    public record Imported(AgreementContent content, List<String> notKept) {
    }

    /**
     * The IIA as the content of a draft. {@code institutions} answers the current SCHAC code of a known institution
     * (by its current or a previous code) and null for an unknown one; unknown institutions, conditions between
     * others than the partners and conditions Passerelle does not handle are refused together, by field
     * ({@code at} prefixes the field names, e.g. "iia[1].").
     */
    public static Imported fromIia(Iia iia, String at, Function<String, String> institutions) {
        var problems = new InvalidFieldsException.Collector();
        List<String> notKept = new ArrayList<>();
        List<String> heis = new ArrayList<>();
        for (int p = 0; p < iia.partners().size(); p++) {
            Partner partner = iia.partners().get(p);
            String known = institutions.apply(partner.heiId());
            problems.check(known != null, at + "partner[" + (p + 1) + "].hei-id", "institution.unknown", partner.heiId());
            heis.add(known);
            if (partner.ounitId() != null) {
                notKept.add("partner " + partner.heiId() + ": organisational unit " + partner.ounitId());
            }
            if (partner.contacts() > 0) {
                notKept.add("partner " + partner.heiId() + ": " + partner.contacts() + " contact(s)");
            }
        }
        List<CooperationCondition> conditions = new ArrayList<>();
        int[] byKind = new int[Kind.values().length];
        for (Spec spec : iia.conditions()) {
            String field = at + "cooperation-conditions." + spec.kind().element + "[" + (++byKind[spec.kind().ordinal()]) + "]";
            String sending = institutions.apply(spec.sendingHeiId());
            String receiving = institutions.apply(spec.receivingHeiId());
            partnerOf(problems, field + ".sending-hei-id", spec.sendingHeiId(), sending, heis);
            partnerOf(problems, field + ".receiving-hei-id", spec.receivingHeiId(), receiving, heis);
            problems.check(spec.mobilitiesPerYear() <= MAX_PLACES, field + ".mobilities-per-year", "ewp.too-large", MAX_PLACES)
                    .check(spec.totalDaysPerYear() == null || spec.totalDaysPerYear().compareTo(BigDecimal.valueOf(MAX_DAYS)) <= 0,
                            field + ".total-days-per-year", "ewp.too-large", MAX_DAYS)
                    .check(spec.totalMonthsPerYear() == null || spec.totalMonthsPerYear().compareTo(BigDecimal.valueOf(MAX_DAYS)) <= 0,
                            field + ".total-months-per-year", "ewp.too-large", MAX_DAYS)
                    .check(!Boolean.TRUE.equals(spec.blended()), field + ".blended", "ewp.blended")
                    .check(spec.kind().isStudent() || spec.totalDaysPerYear() != null, field + ".total-days-per-year", "ewp.staff-days-required");
        }
        problems.check(!iia.conditions().isEmpty(), at + "cooperation-conditions", "ewp.no-conditions");
        problems.throwIfAny();

        Arrays.fill(byKind, 0);
        for (Spec spec : iia.conditions()) {
            String field = at + "cooperation-conditions." + spec.kind().element + "[" + (++byKind[spec.kind().ordinal()]) + "]";
            conditions.add(toCondition(spec, institutions.apply(spec.sendingHeiId()), institutions.apply(spec.receivingHeiId()),
                    field, notKept));
        }

        if (iia.terminated()) {
            notKept.add("terminated-as-a-whole: the draft is a new agreement to approve");
        }
        String first = conditions.stream().map(c -> c.firstAcademicYear).min(Comparator.comparingInt(AcademicYear::start)).orElseThrow();
        String last = conditions.stream().map(c -> c.lastAcademicYear).max(Comparator.comparingInt(AcademicYear::start)).orElseThrow();
        Partner publisher = iia.partners().get(0);
        String code = publisher.iiaCode() != null ? publisher.iiaCode() : publisher.iiaId();
        var signed = iia.partners().stream().map(Partner::signingDate).filter(d -> d != null).min(Comparator.naturalOrder()).orElse(null);
        var content = AgreementContent.of(AgreementKind.BILATERAL_EXCHANGE, title(code, heis.get(0), heis.get(1)), heis, signed,
                null, first, last, conditions);
        return new Imported(content, notKept);
    }

    /** A condition names an institution Passerelle knows, and one of the two partners. */
    private static void partnerOf(InvalidFieldsException.Collector problems, String field, String heiId, String known, List<String> partners) {
        if (known == null) {
            problems.check(false, field, "institution.unknown", heiId);
        } else {
            problems.check(partners.contains(known), field, "ewp.not-a-partner", heiId);
        }
    }

    private static LocalizedText title(String code, String first, String second) {
        String parties = first + " – " + second;
        String suffix = code == null ? "" : " " + abbreviate(code);
        return LocalizedText.of("Accord interinstitutionnel EWP" + suffix + " : " + parties,
                "EWP inter-institutional agreement" + suffix + ": " + parties,
                "EWP 校际协议" + suffix + "：" + parties);
    }

    private static String abbreviate(String code) {
        return code.length() > 100 ? code.substring(0, 100) : code;
    }

    private static CooperationCondition toCondition(Spec spec, String sending, String receiving, String field, List<String> notKept) {
        String terms = spec.otherInfoTerms() == null ? "" : spec.otherInfoTerms();
        var c = new CooperationCondition();
        c.sendingInstitution = sending;
        c.receivingInstitution = receiving;
        MobilityType marked = find(TYPE, terms).map(IiaMapping::mobilityType).orElse(null);
        c.mobilityType = marked != null && kindOf(marked) == spec.kind() ? marked : typeOf(spec.kind());
        c.placesPerYear = spec.mobilitiesPerYear();
        c.firstAcademicYear = spec.firstAcademicYear();
        c.lastAcademicYear = spec.lastAcademicYear();
        c.minimumDays = find(MINIMUM, terms).map(Integer::valueOf).orElse(null);
        c.maximumDays = find(MAXIMUM, terms).map(Integer::valueOf).orElseGet(() -> daysPerPerson(spec));
        if (spec.kind().isStudent()) {
            c.eqfLevel = spec.eqfLevels().stream().min(Comparator.naturalOrder()).orElse(null);
            if (spec.eqfLevels().size() > 1) {
                notKept.add(field + ": EQF levels " + spec.eqfLevels() + " (the lowest, " + c.eqfLevel + ", is kept)");
            }
        } else {
            c.eqfLevel = find(EQF, terms).map(Integer::valueOf).orElse(null);
            c.staffDaysPerYear = spec.totalDaysPerYear() == null ? null
                    : spec.totalDaysPerYear().setScale(0, RoundingMode.HALF_UP).intValueExact();
        }
        if (!spec.subjectAreas().isEmpty()) {
            c.iscedCode = spec.subjectAreas().get(0).iscedCode();
            spec.subjectAreas().stream().skip(1).forEach(a -> notKept.add(field + ": subject area " + a.iscedCode()));
            spec.subjectAreas().stream().filter(a -> a.clarification() != null && !a.clarification().isEmpty())
                    .forEach(a -> notKept.add(field + ": ISCED clarification \"" + a.clarification() + "\""));
        }
        languages(spec, c, field, notKept);
        if (!terms.isEmpty() && marked == null) {
            notKept.add(field + ": other terms \"" + terms + "\"");
        }
        if (spec.sendingOunitId() != null || spec.receivingOunitId() != null) {
            notKept.add(field + ": organisational units");
        }
        if (spec.contacts() > 0) {
            notKept.add(field + ": " + spec.contacts() + " contact(s)");
        }
        return c;
    }

    /** The first skill that has a CEFR level (Passerelle keeps a language with its level); the others are listed. */
    private static void languages(Spec spec, CooperationCondition c, String field, List<String> notKept) {
        for (LanguageSkill skill : spec.languageSkills()) {
            String language = skill.language().split("-")[0].toLowerCase(Locale.ROOT);
            if (c.language == null && skill.cefrLevel() != null && language.matches("[a-z]{2,3}")) {
                c.language = language;
                c.cefrLevel = skill.cefrLevel();
            } else {
                notKept.add(field + ": language " + skill.language() + (skill.cefrLevel() == null ? "" : " " + skill.cefrLevel()));
            }
        }
    }

    /** Total months of all mobilities of a year, back to days per person (the inverse of the export). */
    private static Integer daysPerPerson(Spec spec) {
        if (spec.totalMonthsPerYear() == null || spec.mobilitiesPerYear() == 0) {
            return null;
        }
        int days = spec.totalMonthsPerYear().multiply(BigDecimal.valueOf(DAYS_PER_MONTH))
                .divide(BigDecimal.valueOf(spec.mobilitiesPerYear()), 0, RoundingMode.HALF_UP).intValueExact();
        return days > 0 ? days : null;
    }

    private static java.util.Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static MobilityType mobilityType(String name) {
        try {
            return MobilityType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
