package org.passerelle.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keycloak is asked to import the realm file only when it has not served it yet, or when the file changed. */
class RealmImportTest {

    @Test
    void theRealmIsImportedOnceThenOnlyWhenTheFileChanges(@TempDir Path folder) throws Exception {
        Path realm = Files.writeString(folder.resolve("passerelle-realm.json"), "{\"realm\":\"passerelle\"}");
        Path distribution = Files.createDirectories(folder.resolve("keycloak-26"));
        Path database = distribution.resolve("data/h2");
        var node = new KeycloakNode(folder.resolve("keycloak.zip"), folder, FreePorts.next(), FreePorts.next(), realm,
                folder.resolve("keycloak.log"));

        assertTrue(node.prepareImport(distribution), "a Keycloak without data imports the realm");
        Files.createDirectories(database); // Keycloak created its database while importing
        assertTrue(node.prepareImport(distribution), "until the realm was seen served, a restart imports again");
        node.importDone();
        assertFalse(node.prepareImport(distribution), "the same realm file, already served: no import");
        assertTrue(Files.exists(database), "and the data is kept");

        Files.writeString(realm, "{\"realm\":\"passerelle\",\"displayName\":\"changed\"}");
        assertTrue(node.prepareImport(distribution), "a changed realm file is imported again");
        assertFalse(Files.exists(database), "over fresh data, so that it is not skipped as existing");
        assertTrue(Files.readString(distribution.resolve("data/import/passerelle-realm.json")).contains("changed"));
    }
}
