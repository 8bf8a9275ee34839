package org.passerelle.curriculum.api;

import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.curriculum.ComplianceRequirement;
import org.passerelle.curriculum.Term;
import org.passerelle.runtime.csv.CsvColumns;
import org.passerelle.runtime.csv.CsvRow;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Catalogue items and sessions as CSV, one a line: what the exports write and the bulks read, so that a file exported,
 * edited in a spreadsheet and sent back matches the same items and sessions. The three titles and descriptions have a
 * column each; requirements are their kinds separated by spaces, each with its usual validity and checking side (a
 * requirement set otherwise through the JSON API is written by its kind alone).
 */
final class CatalogueCsv {

    static final CsvColumns ITEM_COLUMNS = new CsvColumns()
            .optional("id", "identifiant")
            .required("kind", "type")
            .required("titleFr", "titre fr", "titre français", "titre")
            .required("titleEn", "titre en", "titre anglais")
            .required("titleZh", "titre zh", "titre chinois")
            .required("descriptionFr", "description fr", "description française", "description")
            .required("descriptionEn", "description en", "description anglaise")
            .required("descriptionZh", "description zh", "description chinoise")
            .required("teachingLanguage", "langue", "langue d'enseignement")
            .optional("code")
            .optional("hours", "heures")
            .optional("term", "semestre")
            .optional("hospital", "hôpital")
            .optional("department", "service")
            .optional("specialty", "spécialité")
            .optional("durationWeeks", "durée en semaines", "semaines")
            .optional("minimumYearOfStudy", "année d'études minimale")
            .optional("requirements", "exigences")
            .optional("laboratory", "laboratoire")
            .optional("principalInvestigator", "chercheur principal")
            .optional("topic", "sujet")
            .optional("durationMonths", "durée en mois", "mois")
            .optional("supervisorAccount", "compte de l'encadrant")
            .optional("supervisorName", "encadrant")
            .optional("chineseCredits", "crédits chinois")
            .optional("ects", "ECTS", "crédits ECTS")
            .optional("conversionRuleId", "règle de conversion")
            .optional("offeredBy", "proposé par", "établissement");

    static final CsvColumns SESSION_COLUMNS = new CsvColumns()
            .optional("id", "identifiant")
            .required("itemId", "élément", "identifiant de l'élément")
            .required("academicYear", "année universitaire", "année")
            .required("startDate", "date de début", "début")
            .required("endDate", "date de fin", "fin")
            .required("capacity", "capacité", "places");

    private CatalogueCsv() {
    }

    static ItemRequests.ItemDraft item(CsvRow row) {
        String account = row.text("supervisorAccount");
        String supervisorName = row.text("supervisorName");
        BigDecimal chinese = row.decimal("chineseCredits");
        BigDecimal ects = row.decimal("ects");
        UUID rule = row.uuid("conversionRuleId");
        var requirements = row.choices("requirements", ComplianceRequirement.class);
        var draft = new ItemRequests.ItemDraft(row.choice("kind", CatalogueItemKind.class),
                new ItemRequests.Titles(row.text("titleFr"), row.text("titleEn"), row.text("titleZh")),
                new ItemRequests.Descriptions(row.text("descriptionFr"), row.text("descriptionEn"), row.text("descriptionZh")),
                row.text("teachingLanguage"), row.text("code"), row.integer("hours"), row.choice("term", Term.class),
                row.text("hospital"), row.text("department"), row.text("specialty"), row.integer("durationWeeks"),
                row.integer("minimumYearOfStudy"),
                requirements.isEmpty() ? null : requirements.stream().map(kind -> new ItemRequests.RequirementRequest(kind, null, null)).toList(),
                row.text("laboratory"), row.text("principalInvestigator"), row.text("topic"), row.integer("durationMonths"),
                account == null && supervisorName == null ? null : new ItemRequests.SupervisorRef(account, supervisorName),
                Stream.of(chinese, ects, rule).allMatch(Objects::isNull) ? null : new ItemRequests.CreditsRequest(chinese, ects, rule),
                row.text("offeredBy"));
        row.throwIfInvalid();
        return draft;
    }

    static ItemRequests.SessionDraft session(CsvRow row) {
        var draft = new ItemRequests.SessionDraft(row.text("academicYear"), row.date("startDate"), row.date("endDate"), row.integer("capacity"));
        row.throwIfInvalid();
        return draft;
    }

    /** An item as a line of the export, in the order of {@link #ITEM_COLUMNS}. */
    static List<String> line(ItemView i) {
        var credits = i.credits();
        return Arrays.asList(text(i.id()), text(i.kind()), i.title().fr(), i.title().en(), i.title().zh(), i.description().fr(),
                i.description().en(), i.description().zh(), i.teachingLanguage(), i.code(), text(i.hours()), text(i.term()),
                i.hospital(), i.department(), i.specialty(), text(i.durationWeeks()), text(i.minimumYearOfStudy()),
                i.requirements() == null ? null : String.join(" ", i.requirements().stream().map(r -> r.kind().name()).sorted().toList()),
                i.laboratory(), i.principalInvestigator(), i.topic(), text(i.durationMonths()),
                i.supervisor() == null ? null : i.supervisor().account(), i.supervisor() == null ? null : i.supervisor().name(),
                credits == null ? null : plain(credits.chineseCredits()), credits == null ? null : plain(credits.ects()),
                credits == null ? null : text(credits.conversionRuleId()), i.offeredBy());
    }

    /** A session as a line of the export, in the order of {@link #SESSION_COLUMNS}. */
    static List<String> line(SessionView s) {
        return Arrays.asList(s.id().toString(), s.itemId().toString(), s.academicYear(), s.startDate().toString(),
                s.endDate().toString(), String.valueOf(s.capacity()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
