package cm.vigie.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The token rules every service that learns institutions from accounts-service must keep, checked on its
 * {@code /me} operation. A service's test extends this class, names its {@code /me} path, and runs with the
 * {@link FastDirectory} profile.
 */
public abstract class TenancyContract {

    /** Refreshes the institution directory every second, so that a suspension shows within the test. */
    public static class FastDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.institutions.max-age", "1s");
        }
    }

    /** Path of the service's {@code /me} operation. */
    protected abstract String me();

    @Test
    void tokensOfTwoInstitutionRealmsAreAccepted() {
        String me = me();
        given().header("Authorization", TestTokens.bearer("minsante", "analyst", "analyst")).get(me)
                .then().statusCode(200).body("institution", equalTo("minsante"));
        given().header("Authorization", TestTokens.bearer("mincom", "viewer", "viewer")).get(me)
                .then().statusCode(200).body("institution", equalTo("mincom"));
    }

    @Test
    void unknownRealmsForeignIssuersAndMissingTokensAnswer401() {
        String me = me();
        given().get(me).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("ghost", "cm", "community-manager")).get(me)
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.realm("minsante")
                .issuer("http://127.0.0.1:9/realms/minsante").sign())
                .get(me).then().statusCode(401);
        assertEquals(0, TestIdentityProvider.get().hits("/realms/ghost"), "no call to an unknown realm");
    }

    @Test
    void onlyTokensIssuedToVigiesClientsAreAccepted() {
        String me = me();
        for (String client : new String[] { "admin-cli", "account-console", "security-admin-console", null }) {
            given().header("Authorization", "Bearer " + TestTokens.realm("minsante").client(client).roles("viewer").sign())
                    .get(me).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("https://vigie.cm/problems/unauthenticated"));
        }
    }

    @Test
    void aReservedRealmIsNeverAnInstitutionEvenIfTheDirectoryListsIt() {
        String me = me();
        TestIdentityProvider idp = TestIdentityProvider.get();
        idp.institution("admin", "ACTIVE");
        try {
            given().header("Authorization", TestTokens.bearer("admin", "cm", "community-manager")).get(me)
                    .then().statusCode(401);
            assertEquals(0, idp.hits("/realms/admin/"), "no call to a reserved realm");
        } finally {
            idp.institution("admin", null);
        }
    }

    @Test
    void platformAdminCountsOnlyInThePlatformRealmAndInstitutionRolesDoNotCountThere() {
        String me = me();
        given().header("Authorization", TestTokens.bearer("minsante", "self-made", "platform-admin", "viewer")).get(me)
                .then().statusCode(200).body("institution", equalTo("minsante")).body("roles", equalTo(List.of("viewer")));
        given().header("Authorization", TestTokens.bearer("platform", "operator", "platform-admin", "viewer")).get(me)
                .then().statusCode(200).body("realm", equalTo("platform")).body("roles", equalTo(List.of("platform-admin")));
    }

    @Test
    void aSuspensionInAccountsServiceIsEnforcedWithinTheDirectoryRefresh() throws InterruptedException {
        String me = me();
        TestIdentityProvider idp = TestIdentityProvider.get();
        idp.institution("minsuspended", "ACTIVE");
        String bearer = TestTokens.bearer("minsuspended", "cm", "community-manager");
        try {
            assertEquals(200, statusWithin(me, bearer, 200), "a newly registered institution is accepted");
            idp.institution("minsuspended", "SUSPENDED");
            assertEquals(403, statusWithin(me, bearer, 403), "its suspension is enforced");
            given().header("Authorization", bearer).get(me).then().statusCode(403)
                    .body("type", equalTo("https://vigie.cm/problems/institution-suspended"));
        } finally {
            idp.institution("minsuspended", "ACTIVE");
        }
    }

    /** Polls for up to 10 s until the expected status comes. */
    private static int statusWithin(String me, String bearer, int expected) throws InterruptedException {
        int status = given().header("Authorization", bearer).get(me).statusCode();
        for (int attempt = 0; attempt < 50 && status != expected; attempt++) {
            Thread.sleep(200);
            status = given().header("Authorization", bearer).get(me).statusCode();
        }
        return status;
    }
}
