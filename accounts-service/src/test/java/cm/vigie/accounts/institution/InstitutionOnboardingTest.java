package cm.vigie.accounts.institution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.accounts.keycloak.FakeKeycloakAdmin;
import cm.vigie.accounts.keycloak.FakeKeycloakAdminResource;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Onboarding against a fake Keycloak admin API: what the realm gets, and that a failed step leaves nothing behind. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
@QuarkusTestResource(FakeKeycloakAdminResource.class)
class InstitutionOnboardingTest {

    private static final String OPERATOR = AccountsTestSupport.OPERATOR;

    static String slug() {
        return "inst-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String onboarding(String slug) {
        return """
                {"slug":"%s","nameFr":"Ministère \\"%s\\"","nameEn":"Ministry %s","type":"AGENCY","emailDomain":"%s.cm",
                 "firstAdmin":{"username":"a.mballa","email":"a.mballa@%s.cm","firstName":"Aline","lastName":"Mballa"}}"""
                .formatted(slug, slug, slug, slug, slug);
    }

    static String fake() {
        return ConfigProvider.getConfig().getValue("vigie.keycloak-admin.url", String.class);
    }

    static JsonPath fakeRealm(String slug) {
        return given().get(fake() + "/_fake/realms/" + slug).then().statusCode(200).extract().jsonPath();
    }

    static void fakeRealmAbsent(String slug) {
        given().get(fake() + "/_fake/realms/" + slug).then().statusCode(404);
    }

    static void notRegistered(String slug) {
        given().header("Authorization", OPERATOR).queryParam("size", 100).get("/api/institutions")
                .then().statusCode(200).body("items.slug", not(hasItem(slug)));
        given().header("Authorization", TestTokens.bearer(slug, "cm", "community-manager")).get("/api/accounts/official")
                .then().statusCode(401);
    }

    @Test
    void onboardingCreatesTheRealmFromTheTemplateWithAFirstAdminWhoMustChangeTheirPassword() {
        String slug = slug();
        JsonPath created = given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(onboarding(slug))
                .post("/api/institutions")
                .then().statusCode(201).header("Location", containsString("/api/institutions/"))
                .body("slug", equalTo(slug)).body("status", equalTo("ACTIVE")).body("emailDomain", equalTo(slug + ".cm"))
                .body("firstAdmin.username", equalTo("a.mballa"))
                .body("firstAdmin.temporaryPassword", matchesPattern("[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}"))
                .extract().jsonPath();
        String password = created.getString("firstAdmin.temporaryPassword");

        JsonPath realm = fakeRealm(slug);
        assertEquals(slug, realm.getString("realm"));
        assertTrue(realm.getBoolean("enabled"));
        assertEquals("Ministère \"" + slug + "\"", realm.getString("localizationTexts.fr.vigieRealmName"));
        assertEquals("Ministry " + slug, realm.getString("localizationTexts.en.vigieRealmName"));
        assertEquals(List.of("institution-admin", "community-manager", "analyst", "approver", "viewer"),
                realm.getList("roles.realm.name"));
        assertTrue(realm.getBoolean("bruteForceProtected"));
        assertTrue(realm.getString("passwordPolicy").contains("length(12)"));
        assertEquals(300, realm.getInt("accessTokenLifespan"));
        assertEquals("vigie-console", realm.getString("clients[0].clientId"));
        assertTrue(realm.getBoolean("clients[0].publicClient"));
        assertTrue(realm.getBoolean("clients[0].standardFlowEnabled"));
        assertFalse(realm.getBoolean("clients[0].directAccessGrantsEnabled"), "no direct grants outside demo realms");
        assertFalse(realm.getBoolean("clients[0].implicitFlowEnabled"));
        assertEquals("S256", realm.getString("clients[0].attributes.'pkce.code.challenge.method'"));
        assertEquals(List.of("http://localhost:3000/*", "http://localhost:5173/*"), realm.getList("clients[0].redirectUris"));
        assertEquals("a.mballa", realm.getString("users[0].username"));
        assertEquals(List.of("institution-admin"), realm.getList("users[0].realmRoles"));
        assertEquals(List.of("UPDATE_PASSWORD"), realm.getList("users[0].requiredActions"));
        assertTrue(realm.getBoolean("users[0].credentials[0].temporary"));
        assertEquals(password, realm.getString("users[0].credentials[0].value"));

        // its tokens are accepted at once
        given().header("Authorization", TestTokens.bearer(slug, "a.mballa", "institution-admin")).get("/api/accounts/official")
                .then().statusCode(200);
        // the password is shown once: reading the institution again does not show it
        given().header("Authorization", OPERATOR).get("/api/institutions/" + created.getString("id"))
                .then().statusCode(200).body("firstAdmin", nullValue());
    }

    @Test
    void theSameSlugTwiceAnswers409WithTheExistingInstitutionAndTouchesNothing() {
        String slug = slug();
        String location = given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(onboarding(slug))
                .post("/api/institutions").then().statusCode(201).extract().header("Location");
        String password = fakeRealm(slug).getString("users[0].credentials[0].value");

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(onboarding(slug))
                .post("/api/institutions")
                .then().statusCode(409).contentType("application/problem+json").header("Location", equalTo(location));
        assertEquals(password, fakeRealm(slug).getString("users[0].credentials[0].value"));
    }

    @Test
    void whenKeycloakRefusesTheRealmNothingIsRegisteredAndARetryWorks() {
        String slug = slug();
        given().post(fake() + "/_fake/fail?op=create&realm=" + slug + "&status=500").then().statusCode(204);

        given().header("Authorization", OPERATOR).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body(onboarding(slug)).post("/api/institutions")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", startsWithText("Keycloak n’a pas mené le changement à bien"))
                .body(not(containsString("unknown_error")));
        notRegistered(slug);
        fakeRealmAbsent(slug);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(onboarding(slug))
                .post("/api/institutions").then().statusCode(201);
        fakeRealm(slug);
    }

    @Test
    void whenKeycloaksAnswerIsLostTheNewRealmIsRemovedAndNothingIsRegistered() {
        String slug = slug();
        given().post(fake() + "/_fake/slow?op=create&realm=" + slug + "&millis=" + (FakeKeycloakAdminResource.TIMEOUT_SECONDS + 2) * 1000)
                .then().statusCode(204);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(onboarding(slug))
                .post("/api/institutions").then().statusCode(503);
        notRegistered(slug);
        fakeRealmAbsent(slug);
    }

    @Test
    void aRealmThatKeycloakFinishesCreatingAfterTheOnboardingGaveUpIsRemovedSoTheSlugCanBeOnboardedAgain() throws InterruptedException {
        String slug = slug();
        int lateMillis = (FakeKeycloakAdminResource.TIMEOUT_SECONDS + 2) * 1000;
        given().post(fake() + "/_fake/slow?op=create-late&realm=" + slug + "&millis=" + lateMillis).then().statusCode(204);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(onboarding(slug))
                .post("/api/institutions").then().statusCode(503);
        notRegistered(slug);

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (given().get(fake() + "/_fake/removed/" + slug).statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "the realm Keycloak created late was never removed");
            Thread.sleep(200);
        }
        fakeRealmAbsent(slug);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(onboarding(slug))
                .post("/api/institutions").then().statusCode(201);
        fakeRealm(slug);
    }

    @Test
    void aRealmThatExistsOutsideTheRegistryIsNotTakenOverUnlessAdopted() {
        String slug = slug();
        String token = given().contentType(ContentType.URLENC).formParam("client_id", "admin-cli")
                .formParam("grant_type", "password").formParam("username", FakeKeycloakAdmin.USERNAME)
                .formParam("password", FakeKeycloakAdmin.PASSWORD)
                .post(fake() + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body("{\"realm\":\"" + slug + "\",\"enabled\":true}").post(fake() + "/admin/realms").then().statusCode(201);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(onboarding(slug))
                .post("/api/institutions").then().statusCode(409).body("detail", containsString("Keycloak"));
        notRegistered(slug);
        assertEquals(null, fakeRealm(slug).getString("users"), "the existing realm was left alone");

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"nameFr\":\"Adoptée\",\"nameEn\":\"Adopted\",\"type\":\"OTHER\",\"adoptExistingRealm\":true}")
                .post("/api/institutions").then().statusCode(201).body("firstAdmin", nullValue());
    }

    @Test
    void aReservedSlugIsRefusedInFrenchAndEnglishWhetherCreatedOrAdoptedAndNoRealmIsMade() {
        for (String slug : List.of("master", "platform", "admin", "api", "realms", "keycloak", "internal", "public",
                "resources", "js", "health", "metrics", "openapi")) {
            given().header("Authorization", OPERATOR).header("Accept-Language", "en").contentType(ContentType.JSON)
                    .body(onboarding(slug)).post("/api/institutions").then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem("slug"))
                    .body("errors.message", hasItem(containsString("is reserved")));
            given().header("Authorization", OPERATOR).header("Accept-Language", "fr").contentType(ContentType.JSON)
                    .body("{\"slug\":\"" + slug + "\",\"nameFr\":\"a\",\"nameEn\":\"b\",\"type\":\"OTHER\",\"adoptExistingRealm\":true}")
                    .post("/api/institutions").then().statusCode(400)
                    .body("errors.field", hasItem("slug"))
                    .body("errors.message", hasItem(containsString("est réservé")));
            fakeRealmAbsent(slug);
            given().header("Authorization", OPERATOR).queryParam("size", 100).get("/api/institutions")
                    .then().statusCode(200).body("items.slug", not(hasItem(slug)));
        }
    }

    @Test
    void adoptingAMissingRealmOrOnboardingWithoutFirstAdminIsRefused() {
        String slug = slug();
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"nameFr\":\"a\",\"nameEn\":\"b\",\"type\":\"OTHER\",\"adoptExistingRealm\":true}")
                .post("/api/institutions").then().statusCode(400).body("errors.field", hasItem("slug"));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"nameFr\":\"a\",\"nameEn\":\"b\",\"type\":\"OTHER\"}")
                .post("/api/institutions").then().statusCode(400).body("errors.field", hasItem("firstAdmin"));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(onboarding(slug).replace("a.mballa@" + slug + ".cm", "not-an-email"))
                .post("/api/institutions").then().statusCode(400).body("errors.field", hasItem("firstAdmin.email"));
        notRegistered(slug);
        fakeRealmAbsent(slug);
    }

    @Test
    void suspendingDisablesTheRealmReactivatingEnablesItAndAKeycloakFailureChangesNothing() {
        String slug = slug();
        String id = given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(onboarding(slug))
                .post("/api/institutions").then().statusCode(201).extract().path("id");
        String admin = TestTokens.bearer(slug, "a.mballa", "institution-admin");

        given().post(fake() + "/_fake/fail?op=update&realm=" + slug + "&status=500").then().statusCode(204);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\":\"contract ended\"}")
                .post("/api/institutions/" + id + "/suspend").then().statusCode(503);
        given().header("Authorization", OPERATOR).get("/api/institutions/" + id).then().body("status", equalTo("ACTIVE"));
        assertTrue(fakeRealm(slug).getBoolean("enabled"));
        given().header("Authorization", admin).get("/api/accounts/official").then().statusCode(200);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\":\"contract ended\"}")
                .post("/api/institutions/" + id + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        assertFalse(fakeRealm(slug).getBoolean("enabled"));
        given().header("Authorization", admin).get("/api/accounts/official").then().statusCode(403);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\":\"renewed\"}")
                .post("/api/institutions/" + id + "/reactivate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertTrue(fakeRealm(slug).getBoolean("enabled"));
        given().header("Authorization", admin).get("/api/accounts/official").then().statusCode(200);

        given().header("Authorization", OPERATOR).get("/api/institutions/" + id + "/history")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("INSTITUTION_ONBOARDED", "INSTITUTION_SUSPENDED", "INSTITUTION_REACTIVATED")))
                .body("items[1].before", equalTo("ACTIVE")).body("items[1].after", equalTo("SUSPENDED"))
                .body("items[1].reason", equalTo("contract ended")).body("items[1].actor", equalTo("operator"));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}")
                .put("/api/institutions/" + id + "/history").then().statusCode(405);
        given().header("Authorization", TestTokens.bearer(slug, "a.mballa", "institution-admin"))
                .get("/api/institutions/" + id + "/history").then().statusCode(403);
    }

    private static org.hamcrest.Matcher<String> startsWithText(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
