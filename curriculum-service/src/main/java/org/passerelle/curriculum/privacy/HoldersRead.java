package org.passerelle.curriculum.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.curriculum.api.HolderView;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.privacy.PeopleInAnswers;

import java.util.List;
import java.util.UUID;

/**
 * The people whose data an answer of curriculum-service shows: seat holders with their person ids. Holders whose
 * ids were withheld from the caller (null) are not a read of personal data.
 */
@ApplicationScoped
public class HoldersRead implements PeopleInAnswers {

    @Override
    public List<UUID> peopleIn(Object answer) {
        if (answer instanceof Page<?> page) {
            return page.items().stream().filter(HolderView.class::isInstance).map(h -> ((HolderView) h).personId()).toList();
        }
        if (answer instanceof PersonalDataResource.Part part) {
            return part.seats().stream().map(PersonalDataResource.Seat::personId).toList();
        }
        return List.of();
    }
}
