package cm.vigie.accounts;

import static io.restassured.RestAssured.given;

import cm.vigie.accounts.keycloak.FakeKeycloakAdminResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.http.ContentType;

/**
 * Onboards institutions through the API, as a platform operator would; their realms are created in the fake Keycloak
 * admin API ({@link cm.vigie.accounts.keycloak.FakeKeycloakAdminResource}, active for every test of the module).
 */
@QuarkusTestResource(FakeKeycloakAdminResource.class)
public final class AccountsTestSupport {

    public static final String OPERATOR = TestTokens.bearer("platform", "operator", "platform-admin");

    private AccountsTestSupport() {
    }

    /** Registers the institution if needed and answers its id. */
    public static String ensureInstitution(String slug) {
        var response = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("""
                        {"slug":"%s","nameFr":"Institution %s","nameEn":"Institution %s","type":"MINISTRY",
                        "firstAdmin":{"username":"admin","email":"admin@%s.example","firstName":"First","lastName":"Admin"}}"""
                        .formatted(slug, slug, slug, slug))
                .post("/api/institutions");
        String location = response.header("Location");
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Could not register " + slug + ": " + response.asString());
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
