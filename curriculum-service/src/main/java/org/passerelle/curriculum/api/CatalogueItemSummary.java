package org.passerelle.curriculum.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.CatalogueItemKind;

import java.util.UUID;

@Schema(name = "CatalogueItemSummary", description = "A catalogue item as it appears in lists")
public record CatalogueItemSummary(
        UUID id,
        @Schema(example = "CLINICAL_INTERNSHIP") CatalogueItemKind kind,
        @Schema(example = "Stage en hépato-gastroentérologie, hôpital Ruijin") String titleFr,
        @Schema(example = "Hepato-gastroenterology internship, Ruijin Hospital") String titleEn,
        @Schema(example = "瑞金医院消化内科实习") String titleZh,
        @Schema(example = "fr") String teachingLanguage) {

    static CatalogueItemSummary of(CatalogueItem i) {
        return new CatalogueItemSummary(i.id, i.kind, i.titleFr, i.titleEn, i.titleZh, i.teachingLanguage);
    }
}
