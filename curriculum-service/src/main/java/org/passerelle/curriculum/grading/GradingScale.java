package org.passerelle.curriculum.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A grading scale an institution declares, as data. A grade is written as text ("13.5", "B", "PASS") and is never
 * rounded: a numeric grade with more decimals than the scale records is refused, so that 9.99/20 can never become
 * a pass at 10 by rounding. Scales do not change once declared: converted grades and transcripts refer to them.
 */
@Entity
@Table(name = "grading_scale")
public class GradingScale {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String institution;

    /** Short name, unique per institution: FR-20, CN-100, ECTS. */
    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false, updatable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ScaleKind kind;

    public BigDecimal minimum;
    public BigDecimal maximum;
    @Column(name = "pass_mark")
    public BigDecimal passMark;
    /** How many decimals a numeric grade may have. */
    public Integer decimals;

    /** LABELS: best first. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> labels;
    /** LABELS: the lowest label that passes; those after it fail. */
    @Column(name = "lowest_pass")
    public String lowestPass;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    public static GradingScale numeric(String institution, String code, String name, BigDecimal minimum, BigDecimal maximum,
                                       BigDecimal passMark, int decimals) {
        var scale = declared(institution, code, name, ScaleKind.NUMERIC);
        scale.minimum = minimum;
        scale.maximum = maximum;
        scale.passMark = passMark;
        scale.decimals = decimals;
        return scale;
    }

    public static GradingScale labels(String institution, String code, String name, List<String> labels, String lowestPass) {
        var scale = declared(institution, code, name, ScaleKind.LABELS);
        scale.labels = List.copyOf(labels);
        scale.lowestPass = lowestPass;
        return scale;
    }

    public static GradingScale passFail(String institution, String code, String name) {
        return declared(institution, code, name, ScaleKind.PASS_FAIL);
    }

    private static GradingScale declared(String institution, String code, String name, ScaleKind kind) {
        var scale = new GradingScale();
        scale.id = UUID.randomUUID();
        scale.institution = institution;
        scale.code = code;
        scale.name = name;
        scale.kind = kind;
        return scale;
    }

    /** The labels in order, best first: PASS, FAIL for a pass/fail scale; empty for a numeric one. */
    public List<String> orderedLabels() {
        return switch (kind) {
            case LABELS -> labels;
            case PASS_FAIL -> List.of(PASS, FAIL);
            case NUMERIC -> List.of();
        };
    }

    /**
     * Why the grade is not one of this scale (a message key and its arguments), or empty when it is.
     */
    public Optional<Refusal> refusal(String grade) {
        if (grade == null || grade.isBlank()) {
            return Optional.of(new Refusal("grade.required"));
        }
        if (kind != ScaleKind.NUMERIC) {
            return orderedLabels().contains(grade) ? Optional.empty()
                    : Optional.of(new Refusal("grade.not-a-label", code, String.join(", ", orderedLabels())));
        }
        BigDecimal value = number(grade);
        if (value == null || value.scale() > decimals) {
            return Optional.of(new Refusal("grade.not-a-number", code, decimals));
        }
        if (value.compareTo(minimum) < 0 || value.compareTo(maximum) > 0) {
            return Optional.of(new Refusal("grade.outside-scale", code, minimum.toPlainString(), maximum.toPlainString()));
        }
        return Optional.empty();
    }

    public boolean contains(String grade) {
        return refusal(grade).isEmpty();
    }

    /** Whether a grade of this scale passes: at or above the pass mark, or the lowest passing label or better. */
    public boolean passes(String grade) {
        requireGrade(grade);
        return switch (kind) {
            case NUMERIC -> number(grade).compareTo(passMark) >= 0;
            case LABELS -> labels.indexOf(grade) <= labels.indexOf(lowestPass);
            case PASS_FAIL -> PASS.equals(grade);
        };
    }

    /** Orders two grades of this scale: positive when the first is better. */
    public int compare(String a, String b) {
        requireGrade(a);
        requireGrade(b);
        if (kind == ScaleKind.NUMERIC) {
            return number(a).compareTo(number(b));
        }
        return Integer.compare(orderedLabels().indexOf(b), orderedLabels().indexOf(a));
    }

    private void requireGrade(String grade) {
        if (!contains(grade)) {
            throw new IllegalArgumentException(grade + " is not a grade of " + code);
        }
    }

    static BigDecimal number(String grade) {
        try {
            return grade.matches("-?[0-9]+(\\.[0-9]+)?") ? new BigDecimal(grade) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A refusal of a grade: message key (problems*.properties) and arguments. */
    public record Refusal(String reasonKey, Object... arguments) {
    }
}
