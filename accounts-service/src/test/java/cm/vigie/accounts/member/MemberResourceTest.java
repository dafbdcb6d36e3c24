package cm.vigie.accounts.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Members through the API, against the fake Keycloak admin API (the real one is in devstack's MembersEndToEndIT). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class MemberResourceTest {

    private static final String MEMBERS = "/api/institutions/me/members";
    private static final String SECRET = "[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}";

    static String slug(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static String admin(String slug) {
        return TestTokens.bearer(slug, "admin", "institution-admin");
    }

    static String fake() {
        return ConfigProvider.getConfig().getValue("vigie.keycloak-admin.url", String.class);
    }

    static JsonPath fakeUser(String slug, String username) {
        return given().get(fake() + "/_fake/realms/" + slug + "/users/" + username).then().statusCode(200).extract().jsonPath();
    }

    static void activate(String slug, String username, boolean otp) {
        given().queryParam("otp", otp).post(fake() + "/_fake/realms/" + slug + "/users/" + username + "/activate")
                .then().statusCode(204);
    }

    static Response invite(String slug, String email, String... roles) {
        return given().header("Authorization", admin(slug)).contentType(ContentType.JSON)
                .body("""
                        {"email":"%s","firstName":"Jeanne","lastName":"Ngono","roles":%s,"locale":"fr"}"""
                        .formatted(email, rolesJson(roles)))
                .post(MEMBERS);
    }

    static String rolesJson(String... roles) {
        return "[" + String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()) + "]";
    }

    static String idOf(String slug, String username) {
        return given().header("Authorization", admin(slug)).queryParam("size", 100).get(MEMBERS).then().statusCode(200)
                .extract().jsonPath().<String>getList("items.findAll { it.username == '" + username + "' }.id").get(0);
    }

    @Test
    void anInvitedMemberGetsATemporarySecretRolesAndRequiredActionsShownOnce() {
        String slug = slug("mem-");
        AccountsTestSupport.ensureInstitution(slug);
        Response invited = invite(slug, "J.Ngono@Example.cm", "approver");
        invited.then().statusCode(201).header("ETag", "\"1\"")
                .body("member.username", equalTo("j.ngono@example.cm"))
                .body("member.roles", contains("approver"))
                .body("member.status", equalTo("INVITED"))
                .body("member.requiredActions", contains("UPDATE_PASSWORD"))
                .body("member.twoFactorEnrolled", equalTo(false))
                .body("activationSecret", matchesPattern(SECRET));
        String id = invited.jsonPath().getString("member.id");
        assertTrue(invited.header("Location").endsWith(MEMBERS + "/" + id));

        JsonPath stored = fakeUser(slug, "j.ngono@example.cm");
        assertEquals(invited.jsonPath().getString("activationSecret"), stored.getString("_credentials[0].value"));
        assertTrue(stored.getBoolean("_credentials[0].temporary"));
        assertEquals(List.of("approver"), stored.getList("_roles"));
        assertEquals(List.of("fr"), stored.getList("attributes.locale"));

        // never shown again
        given().header("Authorization", admin(slug)).get(MEMBERS + "/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("$", not(hasKey("activationSecret"))).body("status", equalTo("INVITED"));
        given().header("Authorization", admin(slug)).get(MEMBERS + "/{id}/history", id).then().statusCode(200)
                .body("items[0].action", equalTo("MEMBER_INVITED")).body("items[0].actor", equalTo("admin"))
                .body("items[0].after", not(matchesPattern(".*" + invited.jsonPath().getString("activationSecret") + ".*")));
    }

    @Test
    void whenThePolicyRequiresTwoFactorTheInvitationRequiresTotpEnrolment() {
        String slug = slug("tfa-");
        AccountsTestSupport.ensureInstitution(slug);
        invite(slug, "approver@example.cm", "approver").then().statusCode(201)
                .body("member.requiredActions", contains("UPDATE_PASSWORD", "CONFIGURE_TOTP"));
        invite(slug, "analyst@example.cm", "analyst").then().statusCode(201)
                .body("member.requiredActions", contains("UPDATE_PASSWORD"));
    }

    @Test
    void aMemberPromotedIntoARoleThePolicyProtectsMustEnrolTotpAtTheNextSignIn() {
        String slug = slug("tfa-");
        AccountsTestSupport.ensureInstitution(slug);
        Response invited = invite(slug, "promoted@example.cm", "analyst");
        String id = invited.jsonPath().getString("member.id");
        given().header("Authorization", admin(slug)).header("If-Match", invited.header("ETag")).contentType(ContentType.JSON)
                .body("{\"roles\":[\"approver\"]}").put(MEMBERS + "/{id}/roles", id).then().statusCode(200)
                .body("roles", contains("approver"))
                .body("requiredActions", contains("UPDATE_PASSWORD", "CONFIGURE_TOTP"));
        assertEquals(List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP"), fakeUser(slug, "promoted@example.cm").getList("requiredActions"));
    }

    @Test
    void aDisableBodyThatIsNotUtf8IsRefusedAndTheMemberStaysActive() {
        String slug = slug("mem-");
        AccountsTestSupport.ensureInstitution(slug);
        String id = invite(slug, "utf8@example.cm", "analyst").jsonPath().getString("member.id");
        given().header("Authorization", admin(slug)).contentType(ContentType.JSON)
                .body(new byte[] {'{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})
                .post(MEMBERS + "/{id}/disable", id).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", admin(slug)).get(MEMBERS + "/{id}", id).then().statusCode(200)
                .body("status", equalTo("INVITED"));
    }

    @Test
    void invalidInvitationsAreRefusedWithFieldErrors() {
        String slug = slug("mem-");
        AccountsTestSupport.ensureInstitution(slug);
        invite(slug, "x@example.cm", "approver", "superuser").then().statusCode(400)
                .body("errors.field", hasItem("roles"));
        invite(slug, "x@example.cm", "platform-admin").then().statusCode(400).body("errors.field", hasItem("roles"));
        invite(slug, "not-an-email").then().statusCode(400).body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("roles"));
        given().header("Authorization", admin(slug)).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"email\":\"x@example.cm\",\"firstName\":\"A\",\"lastName\":\"B\",\"roles\":[\"chef\"]}")
                .post(MEMBERS).then().statusCode(400).body("errors[0].message", matchesPattern(".*n’est pas un rôle d’institution.*"));
        invite(slug, "dup@example.cm", "viewer").then().statusCode(201);
        invite(slug, "DUP@example.cm", "viewer").then().statusCode(409);
        assertEquals(404, given().get(fake() + "/_fake/realms/" + slug + "/users/x@example.cm").statusCode());
    }

    @Test
    void readersSeeNamesAndRolesOnlyAdminsSeeEverything() {
        String slug = slug("mem-");
        AccountsTestSupport.ensureInstitution(slug);
        invite(slug, "cm@example.cm", "community-manager").then().statusCode(201);
        given().header("Authorization", admin(slug)).get(MEMBERS).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.username", contains("admin", "cm@example.cm"))
                .body("items[1].email", equalTo("cm@example.cm"))
                .body("items[1].status", equalTo("INVITED"))
                .body("items[0].roles", contains("institution-admin"));
        given().header("Authorization", TestTokens.bearer(slug, "v", "viewer")).queryParam("size", 1).queryParam("page", 1)
                .get(MEMBERS).then().statusCode(200)
                .body("total", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].firstName", equalTo("Jeanne")).body("items[0].roles", contains("community-manager"))
                .body("items[0]", not(hasKey("email"))).body("items[0]", not(hasKey("username")))
                .body("items[0]", not(hasKey("status")));
        String id = idOf(slug, "cm@example.cm");
        given().header("Authorization", TestTokens.bearer(slug, "a", "analyst")).get(MEMBERS + "/{id}", id).then()
                .statusCode(200).body("lastName", equalTo("Ngono")).body("$", not(hasKey("email")));
        // another institution's member is not found
        String other = slug("mem-");
        AccountsTestSupport.ensureInstitution(other);
        given().header("Authorization", admin(other)).get(MEMBERS + "/{id}", id).then().statusCode(404);
        given().header("Authorization", admin(other)).get(MEMBERS + "/{id}/history", id).then().statusCode(404);
        given().header("Authorization", admin(other)).post(MEMBERS + "/{id}/disable", id).then().statusCode(404);
        given().header("Authorization", admin(slug)).get(MEMBERS + "/{id}", "../admin").then().statusCode(404);
    }

    @Test
    void rolesChangeNeedsTheCurrentETagAndTheLastAdminKeepsTheRole() {
        String slug = slug("mem-");
        AccountsTestSupport.ensureInstitution(slug);
        String adminId = idOf(slug, "admin");
        String token = admin(slug);
        // the onboarded admin has not activated, and is the only admin
        given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"roles\":[\"viewer\"]}").put(MEMBERS + "/{id}/roles", adminId).then().statusCode(409)
                .body("detail", matchesPattern(".*admin.*last active institution-admin.*"));
        given().header("Authorization", token).post(MEMBERS + "/{id}/disable", adminId).then().statusCode(409);
        given().header("Authorization", token).delete(MEMBERS + "/{id}", adminId).then().statusCode(409);

        Response second = invite(slug, "second@example.cm", "analyst");
        String id = second.jsonPath().getString("member.id");
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"roles\":[\"approver\"]}")
                .put(MEMBERS + "/{id}/roles", id).then().statusCode(428);
        given().header("Authorization", token).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body("{\"roles\":[\"approver\"]}").put(MEMBERS + "/{id}/roles", id).then().statusCode(412);
        given().header("Authorization", token).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"roles\":[\"unknown\"]}").put(MEMBERS + "/{id}/roles", id).then().statusCode(400)
                .body("errors.field", hasItem("roles"));
        given().header("Authorization", token).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"roles\":[\"institution-admin\",\"approver\"]}").put(MEMBERS + "/{id}/roles", id).then()
                .statusCode(200).header("ETag", "\"2\"").body("roles", contains("institution-admin", "approver"));
        assertEquals(List.of("institution-admin", "approver"), fakeUser(slug, "second@example.cm").getList("_roles"));
        given().header("Authorization", token).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"roles\":[\"viewer\"]}").put(MEMBERS + "/{id}/roles", id).then().statusCode(412);

        // the second admin has not activated either: the first still cannot be demoted
        given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"roles\":[\"viewer\"]}").put(MEMBERS + "/{id}/roles", adminId).then().statusCode(409);
        activate(slug, "second@example.cm", true);
        given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"roles\":[\"viewer\"]}").put(MEMBERS + "/{id}/roles", adminId).then().statusCode(200)
                .body("roles", contains("viewer"));
        // now the second one is the last admin
        given().header("Authorization", token).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body("{\"roles\":[\"approver\"]}").put(MEMBERS + "/{id}/roles", id).then().statusCode(409);
        given().header("Authorization", token).get(MEMBERS + "/{id}/history", id).then().statusCode(200)
                .body("items.action", contains("MEMBER_INVITED", "MEMBER_ROLES_CHANGED"))
                .body("items[1].before", equalTo("{\"roles\":\"[analyst]\"}"))
                .body("items[1].after", equalTo("{\"roles\":\"[institution-admin, approver]\"}"));
    }

    @Test
    void disablingEndsSessionsListsPagesAndFiresAnEventEnablingRestores() {
        String slug = slug("mem-");
        AccountsTestSupport.ensureInstitution(slug);
        String token = admin(slug);
        String id = invite(slug, "keyholder@example.cm", "community-manager").jsonPath().getString("member.id");
        activate(slug, "keyholder@example.cm", true);
        given().header("Authorization", token).get(MEMBERS + "/{id}", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("twoFactorEnrolled", equalTo(true))
                .body("lastSignIn", notNullValue());

        TestMemberPolicies.DEACTIVATED.clear();
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"reason\":\"Left the ministry\"}")
                .post(MEMBERS + "/{id}/disable", id).then().statusCode(200).header("ETag", "\"2\"")
                .body("member.status", equalTo("DISABLED")).body("member.lastSignIn", nullValue())
                .body("pagesToHandOver.handle", contains("minsantecm"));
        assertEquals(List.of(new MemberDeactivated(slug, "keyholder@example.cm", id, MemberDeactivated.Reason.DISABLED)),
                TestMemberPolicies.DEACTIVATED);
        JsonPath stored = fakeUser(slug, "keyholder@example.cm");
        assertFalse(stored.getBoolean("enabled"));
        assertTrue(stored.getList("_sessions").isEmpty());

        given().header("Authorization", token).post(MEMBERS + "/{id}/enable", id).then().statusCode(200)
                .header("ETag", "\"3\"").body("status", equalTo("ACTIVE"));
        given().header("Authorization", token).get(MEMBERS + "/{id}/history", id).then().statusCode(200)
                .body("items.action", contains("MEMBER_INVITED", "MEMBER_DISABLED", "MEMBER_ENABLED"))
                .body("items[1].reason", equalTo("Left the ministry"))
                .body("items[1].before", equalTo("ACTIVE")).body("items[1].after", equalTo("DISABLED"));
    }

    @Test
    void resetGivesANewSecretAndSignOutEndsSessionsRemovalKeepsTheHistory() {
        String slug = slug("mem-");
        AccountsTestSupport.ensureInstitution(slug);
        String token = admin(slug);
        Response invited = invite(slug, "keyholder@example.cm", "analyst");
        String id = invited.jsonPath().getString("member.id");
        activate(slug, "keyholder@example.cm", false);

        Response reset = given().header("Authorization", token).post(MEMBERS + "/{id}/reset-credentials", id);
        reset.then().statusCode(200).body("activationSecret", matchesPattern(SECRET))
                .body("member.status", equalTo("INVITED")).body("member.requiredActions", contains("UPDATE_PASSWORD"));
        String secret = reset.jsonPath().getString("activationSecret");
        assertNotEquals(invited.jsonPath().getString("activationSecret"), secret);
        JsonPath stored = fakeUser(slug, "keyholder@example.cm");
        assertEquals(secret, stored.getString("_credentials.find { it.type == 'password' }.value"));
        assertTrue(stored.getBoolean("_credentials.find { it.type == 'password' }.temporary"));
        assertTrue(stored.getList("_sessions").isEmpty());

        activate(slug, "keyholder@example.cm", false);
        given().header("Authorization", token).post(MEMBERS + "/{id}/sign-out", id).then().statusCode(200)
                .body("lastSignIn", nullValue());
        assertTrue(fakeUser(slug, "keyholder@example.cm").getList("_sessions").isEmpty());

        TestMemberPolicies.DEACTIVATED.clear();
        given().header("Authorization", token).queryParam("reason", "x".repeat(501)).delete(MEMBERS + "/{id}", id)
                .then().statusCode(400);
        given().header("Authorization", token).queryParam("reason", "Contract ended").delete(MEMBERS + "/{id}", id).then().statusCode(200)
                .body("member.username", equalTo("keyholder@example.cm")).body("pagesToHandOver.size()", equalTo(1));
        assertEquals(MemberDeactivated.Reason.REMOVED, TestMemberPolicies.DEACTIVATED.get(0).reason());
        given().header("Authorization", token).get(MEMBERS + "/{id}", id).then().statusCode(404);
        given().header("Authorization", token).get(MEMBERS + "/{id}/history", id).then().statusCode(200)
                .body("items.action", contains("MEMBER_INVITED", "MEMBER_CREDENTIALS_RESET", "MEMBER_SIGNED_OUT", "MEMBER_REMOVED"))
                .body("items[3].reason", equalTo("Contract ended"));
    }

    @Test
    void aKeycloakOutageAnswers503AndChangesNothing() {
        String slug = slug("mem-");
        AccountsTestSupport.ensureInstitution(slug);
        given().post(fake() + "/_fake/fail?op=users&realm=" + slug + "&status=500").then().statusCode(204);
        invite(slug, "late@example.cm", "viewer").then().statusCode(503);
        assertEquals(404, given().get(fake() + "/_fake/realms/" + slug + "/users/late@example.cm").statusCode());
        invite(slug, "late@example.cm", "viewer").then().statusCode(201).header("ETag", "\"1\"");
    }

    @Test
    void operatorsSeeTheTeamAndCanResendTheFirstAdminsActivationUntilUsed() {
        String slug = slug("mem-");
        String institution = AccountsTestSupport.ensureInstitution(slug);
        invite(slug, "a@example.cm", "analyst").then().statusCode(201);
        invite(slug, "b@example.cm", "approver").then().statusCode(201);
        activate(slug, "a@example.cm", true);
        String disabled = idOf(slug, "b@example.cm");
        given().header("Authorization", admin(slug)).post(MEMBERS + "/{id}/disable", disabled).then().statusCode(200);

        given().header("Authorization", AccountsTestSupport.OPERATOR).get("/api/institutions/{id}/members/summary", institution)
                .then().statusCode(200)
                .body("slug", equalTo(slug)).body("members", equalTo(3)).body("active", equalTo(1))
                .body("invited", equalTo(1)).body("disabled", equalTo(1)).body("twoFactorEnrolled", equalTo(1))
                .body("twoFactorCoveragePercent", equalTo(50))
                .body("pendingInvitations.username", contains("admin"));
        given().header("Authorization", AccountsTestSupport.OPERATOR)
                .get("/api/institutions/{id}/members/summary", UUID.randomUUID()).then().statusCode(404);

        Response resent = given().header("Authorization", AccountsTestSupport.OPERATOR)
                .post("/api/institutions/{id}/admin-activation", institution);
        resent.then().statusCode(200).body("username", equalTo("admin")).body("activationSecret", matchesPattern(SECRET));
        assertEquals(resent.jsonPath().getString("activationSecret"),
                fakeUser(slug, "admin").getString("_credentials.find { it.type == 'password' }.value"));
        activate(slug, "admin", false);
        given().header("Authorization", AccountsTestSupport.OPERATOR).post("/api/institutions/{id}/admin-activation", institution)
                .then().statusCode(409);
        // the institution routes beside these still answer
        given().header("Authorization", AccountsTestSupport.OPERATOR).get("/api/institutions/{id}", institution)
                .then().statusCode(200).body("slug", equalTo(slug));
        given().header("Authorization", AccountsTestSupport.OPERATOR).get("/api/institutions/{id}/history", institution)
                .then().statusCode(200);
    }
}
