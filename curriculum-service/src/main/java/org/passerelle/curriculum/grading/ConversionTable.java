package org.passerelle.curriculum.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A conversion of grades from one scale into another, declared row by row. For a numeric source scale each row
 * gives the lowest grade it applies from (the grade converts by the row with the highest such grade at or below it);
 * for labels each row names one label. A table never turns a pass into a fail nor a fail into a pass, so a
 * numeric table has a row starting exactly at the source's pass mark.
 */
@Entity
@Table(name = "grade_conversion_table")
public class ConversionTable {

    /** From this grade (numeric: and every grade above it, up to the next row), the grade in the other scale. */
    public record Row(String from, String to) {
    }

    @Id
    public UUID id;

    @Column(name = "from_scale_id", nullable = false, updatable = false)
    public UUID fromScaleId;

    @Column(name = "to_scale_id", nullable = false, updatable = false)
    public UUID toScaleId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<Row> rows;

    @Column(name = "declared_by", nullable = false, updatable = false)
    public String declaredBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    public static ConversionTable between(GradingScale from, GradingScale to, List<Row> rows, String declaredBy) {
        var table = new ConversionTable();
        table.id = UUID.randomUUID();
        table.fromScaleId = from.id;
        table.toScaleId = to.id;
        table.rows = List.copyOf(rows);
        table.declaredBy = declaredBy;
        return table;
    }

    /** The row a grade of the source scale converts by. */
    public Optional<Row> rowFor(GradingScale from, String grade) {
        if (from.kind != ScaleKind.NUMERIC) {
            return rows.stream().filter(r -> r.from().equals(grade)).findFirst();
        }
        return rows.stream().filter(r -> from.compare(r.from(), grade) <= 0)
                .max(Comparator.comparing(Row::from, from::compare));
    }
}
