package cm.vigie.accounts.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The sign-in policy against the fake Keycloak admin API: what reaches the realm and its users, and what is read back. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class SignInPolicyResourceTest {

    private static final String REALM = "signinpol";
    private static final String PATH = "/api/institutions/me/sign-in-policy";
    private static final String ADMIN = TestTokens.bearer(REALM, "admin", "institution-admin");
    private static final String CM = TestTokens.bearer(REALM, "cm", "community-manager");

    private static final String POLICY = """
            {"twoFactor":{"required":"ROLES","roles":["community-manager"]},
             "password":{"minLength":14,"upperCase":1,"lowerCase":1,"digits":2,"specialChars":1,"notUsername":true,
                         "notEmail":false,"history":5,"expireDays":90},
             "sessions":{"idleMinutes":20,"maxHours":8}}""";

    @BeforeEach
    void institution() {
        AccountsTestSupport.ensureInstitution(REALM);
        AccountsTestSupport.ensureMember(REALM, "cm", true, "community-manager");
        AccountsTestSupport.ensureMember(REALM, "cm-enrolled", true, true, "community-manager");
        AccountsTestSupport.ensureMember(REALM, "analyst", true, "analyst");
    }

    private static String fake() {
        return ConfigProvider.getConfig().getValue("vigie.keycloak-admin.url", String.class);
    }

    private static List<String> requiredActions(String username) {
        return given().get(fake() + "/_fake/realms/" + REALM + "/users/" + username).then().statusCode(200).extract()
                .jsonPath().getList("requiredActions", String.class);
    }

    private static JsonPath realm() {
        return given().get(fake() + "/_fake/realms/" + REALM).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theAdminSetsThePolicyTheRealmHoldsItAndTheAnswerIsReadBackFromIt() {
        String etag = given().header("Authorization", ADMIN).get(PATH).then().statusCode(200)
                .body("keycloakPasswordPolicy", equalTo(realm().getString("passwordPolicy")))
                .body("bounds.passwordMinLengthFloor", equalTo(8))
                .body("twoFactor.methods", equalTo(List.of("TOTP")))
                .extract().header("ETag");

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(POLICY).put(PATH)
                .then().statusCode(428);
        given().header("Authorization", ADMIN).header("If-Match", "\"99\"").contentType(ContentType.JSON).body(POLICY).put(PATH)
                .then().statusCode(412);

        String after = given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(POLICY).put(PATH)
                .then().statusCode(200)
                .body("twoFactor.required", equalTo("ROLES"))
                .body("twoFactor.roles", equalTo(List.of("community-manager")))
                .body("twoFactor.membersPendingEnrolment", equalTo(1))
                .body("password.minLength", equalTo(14))
                .body("password.digits", equalTo(2))
                .body("password.notEmail", equalTo(false))
                .body("password.expireDays", equalTo(90))
                .body("sessions.idleMinutes", equalTo(20))
                .body("sessions.maxHours", equalTo(8))
                .body("updatedBy", equalTo("admin"))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, after);

        JsonPath realm = realm();
        org.junit.jupiter.api.Assertions.assertEquals("length(14) and upperCase(1) and lowerCase(1) and digits(2) and specialChars(1) "
                + "and notUsername(undefined) and passwordHistory(5) and forceExpiredPasswordChange(90)", realm.getString("passwordPolicy"));
        org.junit.jupiter.api.Assertions.assertEquals(20 * 60, realm.getInt("ssoSessionIdleTimeout"));
        org.junit.jupiter.api.Assertions.assertEquals(8 * 3600, realm.getInt("ssoSessionMaxLifespan"));
        org.junit.jupiter.api.Assertions.assertTrue(realm.getBoolean("enabled"), "the rest of the realm is left as it was");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("CONFIGURE_TOTP"), requiredActions("cm"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), requiredActions("cm-enrolled"), "already enrolled");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), requiredActions("analyst"), "not a required role");

        // two-factor no longer required: the pending enrolment goes, the history keeps the change
        given().header("Authorization", ADMIN).header("If-Match", after).contentType(ContentType.JSON)
                .body(POLICY.replace("{\"required\":\"ROLES\",\"roles\":[\"community-manager\"]}", "{\"required\":\"NONE\"}"))
                .put(PATH).then().statusCode(200)
                .body("twoFactor.required", equalTo("NONE"))
                .body("twoFactor.membersPendingEnrolment", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), requiredActions("cm"));
        String id = given().header("Authorization", AccountsTestSupport.OPERATOR).get("/api/institutions?size=100")
                .then().statusCode(200).extract().jsonPath().getString("items.find { it.slug == '" + REALM + "' }.id");
        given().header("Authorization", AccountsTestSupport.OPERATOR).get("/api/institutions/" + id + "/history")
                .then().statusCode(200).body("items.action", hasItem("SIGN_IN_POLICY_CHANGED"));
    }

    @Test
    void everyValueOutsideThePlatformsBoundsIsAFieldErrorAndNothingChanges() {
        String etag = given().header("Authorization", ADMIN).get(PATH).then().statusCode(200).extract().header("ETag");
        String before = realm().getString("passwordPolicy");
        given().header("Authorization", ADMIN).header("If-Match", etag).header("Accept-Language", "fr")
                .contentType(ContentType.JSON)
                .body(POLICY.replace("\"minLength\":14", "\"minLength\":4").replace("\"maxHours\":8", "\"maxHours\":1000")
                        .replace("[\"community-manager\"]", "[\"platform-admin\"]"))
                .put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("password.minLength", "sessions.maxHours", "twoFactor.roles[0]")))
                .body("errors.message", hasItem(containsString("hors des limites")));
        org.junit.jupiter.api.Assertions.assertEquals(before, realm().getString("passwordPolicy"));
        given().header("Authorization", ADMIN).get(PATH).then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void onlyTheInstitutionAdminReadsOrSetsIt() {
        given().header("Authorization", CM).get(PATH).then().statusCode(403);
        given().header("Authorization", CM).header("If-Match", "*").contentType(ContentType.JSON).body(POLICY).put(PATH)
                .then().statusCode(403);
        given().header("Authorization", AccountsTestSupport.OPERATOR).get(PATH).then().statusCode(403)
                .body("detail", not(nullValue()));
    }
}
