package cm.vigie.accounts.official.custodian;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A custodian who stops being a member: the page's finding, its rank in the report, and the hand-over list. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class FormerCustodianTest {

    static final String ADMIN = TestTokens.bearer("minsante", "admin", "institution-admin");
    static final String CM = TestTokens.bearer("minsante", "cm", "community-manager");

    @Inject
    FormerCustodians former;

    @BeforeEach
    void members() {
        AccountsTestSupport.ensureInstitution("minsante");
        AccountsTestSupport.ensureMember("minsante", "leaver", true, "community-manager");
    }

    @Test
    void aCustodianWhoLeavesOpensACriticalFindingRankedFirstUntilThePageIsHandedOver() {
        String handle = "former_" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"FACEBOOK\",\"handle\":\"" + handle + "\",\"displayName\":\"Page tenue\"}")
                .post("/api/accounts/official").then().statusCode(201).extract().path("id");
        // a page in a worse state, so that the rank comes from the finding and not from the score
        given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"handle\":\"worse_" + handle + "\",\"displayName\":\"Pire\"}")
                .post("/api/accounts/official").then().statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"leaver\",\"role\":\"OWNER\"},{\"user\":\"admin\",\"role\":\"BACKUP\"}]}")
                .put("/api/accounts/official/" + id + "/custodians").then().statusCode(200);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"twoFactorEnabled\":true,\"recoveryEmail\":\"com@minsante.example\",\"credentialsRotatedOn\":\"" + java.time.LocalDate.now()
                        + "\",\"adminCount\":2,\"backupAdminPresent\":true,\"lastReviewOn\":\"" + java.time.LocalDate.now() + "\"}")
                .put("/api/accounts/official/" + id + "/security").then().statusCode(200);

        List<FormerCustodians.HeldPage> pages = former.pagesOf("minsante", "LEAVER");
        assertEquals(1, pages.size());
        assertEquals(UUID.fromString(id), pages.get(0).accountId());
        assertEquals(CustodianRole.OWNER, pages.get(0).role());
        assertEquals(List.of(), former.pagesOf("mincom", "leaver"), "another institution's custodians are not this one's");

        // what the members API does when it disables the member: Keycloak first, then the event
        AccountsTestSupport.ensureMember("minsante", "leaver", false, "community-manager");
        assertEquals(1, former.markFormer("minsante", "leaver", "DISABLED", Instant.now()));
        assertEquals(0, former.markFormer("minsante", "leaver", "REMOVED", Instant.now()), "marked once");

        given().header("Authorization", ADMIN).header("Accept-Language", "fr").get("/api/accounts/official/" + id + "/security")
                .then().statusCode(200)
                .body("findings[0].code", equalTo("FORMER_MEMBER_STILL_CUSTODIAN"))
                .body("findings[0].severity", equalTo("CRITICAL"))
                .body("findings[0].message.en", containsString("leaver left the institution"))
                .body("findings[0].message.en", containsString("rotate"))
                .body("findings[0].message.fr", containsString("retirez-lui l’accès à la page"));
        given().header("Authorization", CM).get("/api/accounts/official/security-report").then().statusCode(200)
                .body("items[0].accountId", equalTo(id))
                .body("items[0].findings[0]", equalTo("FORMER_MEMBER_STILL_CUSTODIAN"))
                .body("findings[0].code", equalTo("FORMER_MEMBER_STILL_CUSTODIAN"));

        // the former member cannot stay on the list; handing the page over ends the finding
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"leaver\",\"role\":\"OWNER\"},{\"user\":\"admin\",\"role\":\"BACKUP\"}]}")
                .put("/api/accounts/official/" + id + "/custodians").then().statusCode(400);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"admin\",\"role\":\"OWNER\"}]}")
                .put("/api/accounts/official/" + id + "/custodians").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/api/accounts/official/" + id + "/security").then().statusCode(200)
                .body("findings.code", not(org.hamcrest.Matchers.hasItem("FORMER_MEMBER_STILL_CUSTODIAN")));
    }
}
