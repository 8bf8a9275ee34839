package org.passerelle.runtime.text;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A text people read in French, English and Chinese: an institution's name, an agreement's or a course's
 * title. Stored as three columns named after the property (with {@code @EmbeddedColumnNaming("title_%s")}:
 * title_fr, title_en, title_zh).
 */
@Embeddable
@Schema(name = "LocalizedText", description = "The same text in French, English and Chinese")
public record LocalizedText(
        @Column(nullable = false) @Schema(example = "Université Claude Bernard Lyon 1") String fr,
        @Column(nullable = false) @Schema(example = "Claude Bernard University Lyon 1") String en,
        @Column(nullable = false) @Schema(example = "里昂第一大学") String zh) {

    public static LocalizedText of(String fr, String en, String zh) {
        return new LocalizedText(fr, en, zh);
    }
}
