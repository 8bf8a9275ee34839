package org.passerelle.agreements.mothers;

import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementContent;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.agreements.CooperationCondition;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Agreements in a given status for rule tests, by named fields and through the aggregate's own transitions (so a
 * built agreement is one the rules allow): {@code AgreementMother.active().lastYear("2026/2027").build()},
 * {@code AgreementMother.proposed().parties("sjtu.edu.cn", "u-paris.fr").build()}. The defaults: SJTUSM and Lyon 1's
 * bilateral exchange, 2025/2026 to 2029/2030, with one condition (Lyon 1 to SJTUSM, clinical internships).
 */
public final class AgreementMother {

    public static final Instant AT = Instant.parse("2026-03-12T09:30:00Z");
    public static final LocalizedText TITLE =
            LocalizedText.of("Accord SJTUSM - Lyon 1", "SJTUSM - Lyon 1 agreement", "上海交大医学院-里昂一大协议");

    private final AgreementStatus status;
    private AgreementKind kind = AgreementKind.BILATERAL_EXCHANGE;
    private List<String> parties = List.of("sjtu.edu.cn", "univ-lyon1.fr");
    private String firstYear = "2025/2026";
    private String lastYear = "2029/2030";
    private final List<CooperationCondition> conditions = new ArrayList<>();

    private AgreementMother(AgreementStatus status) {
        this.status = status;
    }

    public static AgreementMother draft() {
        return new AgreementMother(AgreementStatus.DRAFT);
    }

    public static AgreementMother proposed() {
        return new AgreementMother(AgreementStatus.PROPOSED);
    }

    public static AgreementMother active() {
        return new AgreementMother(AgreementStatus.ACTIVE);
    }

    public static AgreementMother suspended() {
        return new AgreementMother(AgreementStatus.SUSPENDED);
    }

    public static AgreementMother terminated() {
        return new AgreementMother(AgreementStatus.TERMINATED);
    }

    public AgreementMother kind(AgreementKind kind) {
        this.kind = kind;
        return this;
    }

    public AgreementMother parties(String... institutions) {
        this.parties = List.of(institutions);
        return this;
    }

    public AgreementMother years(String first, String last) {
        this.firstYear = first;
        this.lastYear = last;
        return this;
    }

    public AgreementMother lastYear(String last) {
        this.lastYear = last;
        return this;
    }

    public AgreementMother conditions(CooperationCondition... conditions) {
        this.conditions.addAll(List.of(conditions));
        return this;
    }

    /** The content it is drafted with, to change it in a revision or an amendment. */
    public AgreementContent content() {
        var conditions = this.conditions.isEmpty() ? List.of(ConditionMother.lyonToShanghai().years(firstYear, lastYear).build())
                : this.conditions;
        return AgreementContent.of(kind, TITLE, parties, null, null, firstYear, lastYear, conditions);
    }

    public Agreement build() {
        var agreement = Agreement.draft(content());
        if (status == AgreementStatus.DRAFT) {
            return agreement;
        }
        agreement.propose(AT);
        if (status == AgreementStatus.PROPOSED) {
            return agreement;
        }
        agreement.partyCodes().forEach(party -> agreement.approve(party, agreement.contentHash, AT));
        switch (status) {
            case ACTIVE -> {
            }
            case SUSPENDED -> agreement.suspend("Audit des stages en cours", AT);
            case TERMINATED -> agreement.terminate("Remplacé par l'accord de 2027", AT);
            default -> throw new IllegalArgumentException("no mother for " + status);
        }
        return agreement;
    }
}
