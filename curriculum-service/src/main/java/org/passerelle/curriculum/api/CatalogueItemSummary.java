package org.passerelle.curriculum.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.runtime.text.LocalizedText;

import java.util.UUID;

@Schema(name = "CatalogueItemSummary", description = "A catalogue item as it appears in lists")
public record CatalogueItemSummary(
        UUID id,
        @Schema(example = "CLINICAL_INTERNSHIP") CatalogueItemKind kind,
        LocalizedText title,
        @Schema(example = "fr") String teachingLanguage) {

    static CatalogueItemSummary of(CatalogueItem i) {
        return new CatalogueItemSummary(i.id, i.kind, i.title, i.teachingLanguage);
    }
}
