package org.passerelle.devstack.testing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fictional student whose names, email and identifiers no other test uses, so that a scan for them finds
 * exactly what a test wrote: Latin names of random letters, Chinese names of random characters, an INE, an SJTU
 * student number and a Chinese passport number.
 */
public record FictionalPerson(String givenName, String familyName, String givenHanzi, String familyHanzi,
                              String givenPinyin, String familyPinyin, String email, String ine, String studentNumber,
                              String passport) {

    public static FictionalPerson random() {
        var random = ThreadLocalRandom.current();
        String given = capitalised(letters(9));
        String family = capitalised(letters(9));
        return new FictionalPerson(given, family, hanzi(2), hanzi(2), capitalised(letters(7)), capitalised(letters(7)),
                given.toLowerCase() + "." + family.toLowerCase() + "@students.example",
                random.nextLong(100_000_000L, 1_000_000_000L) + letters(2).toUpperCase(),
                "5191" + random.nextLong(10_000_000L, 100_000_000L),
                "E" + random.nextLong(10_000_000L, 100_000_000L));
    }

    /** The Chinese name as written, family name first. */
    public String chineseName() {
        return familyHanzi + givenHanzi;
    }

    /** Every value that names or identifies the person: what must be gone after an erasure. */
    public List<String> values() {
        return List.of(givenName, familyName, chineseName(), givenPinyin, familyPinyin, email, ine, studentNumber, passport);
    }

    /** As identity-service registers them (POST /api/people), a student of the given institution. */
    public String identityJson(String institution) {
        return """
                {"kind":"STUDENT","institution":"%s","name":{"given":"%s","family":"%s"},
                 "chineseName":{"given":"%s","family":"%s","givenPinyin":"%s","familyPinyin":"%s"},
                 "dateOfBirth":"2004-02-29","nationality":"CN","email":"%s",
                 "identifiers":[{"scheme":"INE","value":"%s"},{"scheme":"SJTU_STUDENT_NUMBER","value":"%s"},
                                {"scheme":"PASSPORT","value":"%s","issuingCountry":"CN"}]}"""
                .formatted(institution, givenName, familyName, givenHanzi, familyHanzi, givenPinyin, familyPinyin, email,
                        ine, studentNumber, passport);
    }

    private static String letters(int count) {
        var random = ThreadLocalRandom.current();
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Characters of the CJK Unified Ideographs block's common range. */
    private static String hanzi(int count) {
        var random = ThreadLocalRandom.current();
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.appendCodePoint(0x4E00 + random.nextInt(0x9FA5 - 0x4E00));
        }
        return text.toString();
    }
}
