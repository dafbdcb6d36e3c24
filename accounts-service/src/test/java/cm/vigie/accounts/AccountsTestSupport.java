package cm.vigie.accounts;

import static io.restassured.RestAssured.given;

import cm.vigie.accounts.keycloak.FakeKeycloakAdminResource;
import cm.vigie.accounts.official.verification.profile.FakeGraphApiResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.http.ContentType;

/**
 * Onboards institutions through the API, as a platform operator would; their realms are created in the fake Keycloak
 * admin API ({@link cm.vigie.accounts.keycloak.FakeKeycloakAdminResource}, active for every test of the module).
 */
@QuarkusTestResource(FakeKeycloakAdminResource.class)
@QuarkusTestResource(FakeGraphApiResource.class)
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

    /**
     * Makes {@code username} a user of the realm in the fake Keycloak with these realm roles (replacing one of that
     * name), enabled or not: a member of the institution as the members API would have made it.
     */
    public static void ensureMember(String realm, String username, boolean enabled, String... roles) {
        ensureMember(realm, username, enabled, false, roles);
    }

    /** Same, with a TOTP credential enrolled or not. */
    public static void ensureMember(String realm, String username, boolean enabled, boolean otp, String... roles) {
        String fake = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("vigie.keycloak-admin.url", String.class);
        given().queryParam("roles", String.join(",", roles)).queryParam("enabled", enabled).queryParam("otp", otp)
                .post(fake + "/_fake/realms/" + realm + "/users/" + username + "/put").then().statusCode(204);
    }

    /**
     * Proves ownership of an official account as its institution and an operator would: a code, the evidence (the
     * fake Graph API knows no such page, so the claim is queued), the operator's approval. Answers the claim's id.
     */
    public static String verifyOfficialAccount(String institutionToken, String accountId) {
        given().header("Authorization", institutionToken).post("/api/accounts/official/{id}/verification", accountId)
                .then().statusCode(200);
        String claim = given().header("Authorization", institutionToken).contentType(ContentType.JSON)
                .body("{\"evidenceUrl\":\"https://evidence.example/" + accountId + "\"}")
                .post("/api/accounts/official/{id}/verification/check", accountId)
                .then().statusCode(200).extract().path("id");
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\":\"Test fixture\"}")
                .post("/api/institutions/verifications/{id}/approve", claim).then().statusCode(200);
        return claim;
    }
}
