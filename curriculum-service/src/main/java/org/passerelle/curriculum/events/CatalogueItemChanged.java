package org.passerelle.curriculum.events;

import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.runtime.text.LocalizedText;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An item was revised; carries what consumers keep of it, as it is now. Schema: docs/events/curriculum/. */
@EventType(name = "CatalogueItemChanged", version = 1, aggregate = "catalogue")
public record CatalogueItemChanged(UUID itemId, CatalogueItemKind kind, LocalizedText title, String teachingLanguage,
                                   CreditsData credits, Instant changedAt,
                                   String offeredBy, List<RequirementData> requirements) implements CatalogueEvent {

    public static CatalogueItemChanged of(CatalogueItem item) {
        return new CatalogueItemChanged(item.id, item.kind, item.title, item.teachingLanguage,
                CreditsData.of(item.credits), item.updatedAt,
                item.offeredBy, RequirementData.of(item.requirements));
    }
}
