package org.passerelle.curriculum.events;

import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.runtime.events.EventType;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new item is in the catalogue. Schema: docs/events/curriculum/. */
@EventType(name = "CatalogueItemPublished", version = 1, aggregate = "catalogue")
public record CatalogueItemPublished(UUID itemId, CatalogueItemKind kind, LocalizedText title, String teachingLanguage,
                                     CreditsData credits, Instant publishedAt,
                                     String offeredBy, List<RequirementData> requirements) implements CatalogueEvent {

    public static CatalogueItemPublished of(CatalogueItem item) {
        return new CatalogueItemPublished(item.id, item.kind, item.title, item.teachingLanguage,
                CreditsData.of(item.credits), item.updatedAt,
                item.offeredBy, RequirementData.of(item.requirements));
    }
}
