package org.passerelle.curriculum.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.curriculum.CatalogueItemRepository;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.runtime.text.LocalizedText;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CatalogueResourceTest {

    @Inject
    CatalogueItemRepository items;

    @BeforeEach
    void aSmallCatalogue() {
        QuarkusTransaction.requiringNew().run(() -> {
            items.deleteAll();
            items.persist(item(CatalogueItemKind.CLINICAL_INTERNSHIP, "Hépato-gastroentérologie", "Hepato-gastroenterology", "肝胆外科"));
            items.persist(item(CatalogueItemKind.BASIC_COURSE, "Anatomie", "Anatomy", "解剖学"));
            items.persist(item(CatalogueItemKind.SUMMER_PROGRAMME, "Université d'été", "Summer school", "暑期学校"));
        });
    }

    @Test
    void anyRoleReadsTheCatalogueOrderedByTitle() {
        given().auth().oauth2(TestTokens.of("student", "univ-lyon1.fr"))
                .when().get("/api/catalogue")
                .then().statusCode(200)
                .body("items.title.en", equalTo(List.of("Anatomy", "Hepato-gastroenterology", "Summer school")))
                .body("items[1].title.zh", equalTo("肝胆外科"));
    }

    @Test
    void filtersByKind() {
        given().auth().oauth2(TestTokens.of("supervisor", "sjtu.edu.cn")).queryParam("kind", "CLINICAL_INTERNSHIP")
                .when().get("/api/catalogue")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].title.fr", equalTo("Hépato-gastroentérologie"));
    }

    @Test
    void anonymousCallersAreRefused() {
        given().when().get("/api/catalogue").then().statusCode(401);
    }

    private static CatalogueItem item(CatalogueItemKind kind, String fr, String en, String zh) {
        var i = new CatalogueItem();
        i.id = UUID.randomUUID();
        i.kind = kind;
        i.title = LocalizedText.of(fr, en, zh);
        i.teachingLanguage = "fr";
        return i;
    }
}
