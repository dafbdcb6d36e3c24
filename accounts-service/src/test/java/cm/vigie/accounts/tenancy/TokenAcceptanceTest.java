package cm.vigie.accounts.tenancy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Which bearer tokens the tenancy resolver accepts, on a real endpoint. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class TokenAcceptanceTest {

    private static final String ME = "/api/accounts/me";

    @BeforeEach
    void institutions() {
        AccountsTestSupport.ensureInstitution("minsante");
        AccountsTestSupport.ensureInstitution("mincom");
    }

    private static void refused(String bearer) {
        given().header("Authorization", bearer).get(ME)
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void tokensOfTwoInstitutionRealmsAreAcceptedAndTellTheirInstitution() {
        given().header("Authorization", TestTokens.bearer("minsante", "cm", "community-manager")).get(ME)
                .then().statusCode(200).body("institution", equalTo("minsante")).body("username", equalTo("cm"))
                .body("roles", hasItem("community-manager"));
        given().header("Authorization", TestTokens.bearer("mincom", "analyst", "analyst")).get(ME)
                .then().statusCode(200).body("institution", equalTo("mincom"));
    }

    @Test
    void missingOrMalformedTokensAnswer401() {
        given().get(ME).then().statusCode(401).contentType("application/problem+json");
        refused("Bearer not.a.token");
        refused("Bearer " + "x".repeat(20_000));
    }

    @Test
    void anUnknownRealmOrAForeignIssuerAnswers401WithoutAnyCallToIt() {
        int before = TestIdentityProvider.get().hits("/realms/ghost");
        refused("Bearer " + TestTokens.realm("ghost").roles("community-manager").sign());
        refused("Bearer " + TestTokens.realm("minsante").issuer("http://127.0.0.1:9/realms/minsante")
                .roles("community-manager").sign());
        refused("Bearer " + TestTokens.realm("master").roles("admin").sign());
        assertEquals(before, TestIdentityProvider.get().hits("/realms/ghost"));
        assertEquals(0, TestIdentityProvider.get().hits("/realms/master"));
    }

    @Test
    void aTokenSignedByAnotherRealmsKeyOrExpiredAnswers401() {
        refused("Bearer " + TestTokens.realm("minsante").signedByRealm("mincom").roles("community-manager").sign());
        refused("Bearer " + TestTokens.realm("minsante").roles("community-manager")
                .issuedAt(Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5)).sign());
    }

    @Test
    void operatorsHaveNoInstitution() {
        given().header("Authorization", AccountsTestSupport.OPERATOR).get(ME)
                .then().statusCode(200).body("realm", equalTo("platform")).body("institution", equalTo(null));
        given().header("Authorization", AccountsTestSupport.OPERATOR).get("/api/accounts/official").then().statusCode(403);
    }

    @Test
    void onlyTokensIssuedToVigiesClientsAreAccepted() {
        given().header("Authorization", "Bearer " + TestTokens.realm("minsante").client("vigie-console").roles("viewer").sign())
                .get(ME).then().statusCode(200);
        refused("Bearer " + TestTokens.realm("minsante").client("admin-cli").roles("viewer").sign());
        refused("Bearer " + TestTokens.realm("minsante").client("account-console").roles("viewer").sign());
        refused("Bearer " + TestTokens.realm("minsante").client(null).roles("viewer").sign());
        refused("Bearer " + TestTokens.realm("platform").client("admin-cli").roles("platform-admin").sign());
    }

    @Test
    void platformAdminCountsOnlyInThePlatformRealmAndOnlyOperatorRolesCountThere() {
        given().header("Authorization", TestTokens.bearer("minsante", "self-made", "platform-admin", "viewer")).get(ME)
                .then().statusCode(200).body("institution", equalTo("minsante")).body("roles", equalTo(java.util.List.of("viewer")));
        given().header("Authorization", TestTokens.bearer("minsante", "self-made", "platform-admin", "viewer"))
                .get("/api/institutions").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("platform", "operator", "platform-admin", "viewer")).get(ME)
                .then().statusCode(200).body("roles", equalTo(java.util.List.of("platform-admin")));
        given().header("Authorization", TestTokens.bearer("platform", "operator", "platform-admin", "viewer"))
                .get("/api/accounts/official").then().statusCode(403);
    }
}
