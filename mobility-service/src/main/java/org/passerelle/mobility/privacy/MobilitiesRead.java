package org.passerelle.mobility.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.mobility.api.MobilityResource;
import org.passerelle.mobility.api.MobilityView;
import org.passerelle.mobility.documents.api.DocumentDownload;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.privacy.PeopleInAnswers;

import java.util.List;
import java.util.UUID;

/** The people whose data an answer of mobility-service shows: the persons of the mobilities it lists. */
@ApplicationScoped
public class MobilitiesRead implements PeopleInAnswers {

    @Override
    public List<UUID> peopleIn(Object answer) {
        if (answer instanceof MobilityView one) {
            return List.of(one.person().personId());
        }
        if (answer instanceof DocumentDownload download) {
            return List.of(download.personId());
        }
        List<?> items = answer instanceof Page<?> page ? page.items()
                : answer instanceof MobilityResource.ChangesView changes ? changes.items()
                : answer instanceof PersonalDataResource.Part part ? part.mobilities() : List.of();
        return items.stream().filter(MobilityView.class::isInstance).map(m -> ((MobilityView) m).person().personId()).toList();
    }
}
