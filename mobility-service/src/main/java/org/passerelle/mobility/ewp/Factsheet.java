package org.passerelle.mobility.ewp;

/**
 * What EWP's learning agreement requires of an institution and Passerelle does not hold (agreements name
 * institutions, never people): its contact person for learning agreements, and the language of instruction with the
 * level it asks of incoming students. Set per institution (passerelle.ewp.institutions."schac".*), as EWP's
 * Factsheet API would publish them; a missing value is named when an export needs it.
 */
public record Factsheet(String heiId, String contactGivenNames, String contactFamilyName, String contactEmail,
                        String language, String cefrLevel) {

    /** The setting that holds a field of this institution's factsheet, named when it is missing. */
    public static String setting(String heiId, String field) {
        return "passerelle.ewp.institutions.\"" + heiId + "\"." + field;
    }
}
