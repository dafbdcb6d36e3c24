package cm.vigie.accounts.official.custodian;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class CustodianResourceTest {

    static final String MINSANTE_ADMIN = TestTokens.bearer("minsante", "admin", "institution-admin");
    static final String MINSANTE_CM = TestTokens.bearer("minsante", "cm", "community-manager");
    static final String MINSANTE_ANALYST = TestTokens.bearer("minsante", "analyst", "analyst");
    static final String MINCOM_ADMIN = TestTokens.bearer("mincom", "admin", "institution-admin");

    @BeforeEach
    void institutions() {
        AccountsTestSupport.ensureInstitution("minsante");
        AccountsTestSupport.ensureInstitution("mincom");
        AccountsTestSupport.ensureMember("minsante", "cm", true, "community-manager");
        AccountsTestSupport.ensureMember("minsante", "approver", true, "approver");
        AccountsTestSupport.ensureMember("minsante", "gone", false, "community-manager");
    }

    static String account() {
        String handle = "cust_" + UUID.randomUUID().toString().substring(0, 8);
        return given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"handle\":\"" + handle + "\",\"displayName\":\"MINSANTE\"}")
                .post("/api/accounts/official").then().statusCode(201).extract().path("id");
    }

    @Test
    void theInstitutionAdminNamesCustodiansEveryoneReadsThemAndTheChangeIsInTheHistory() {
        String id = account();
        given().header("Authorization", MINSANTE_ANALYST).get("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(200).body("custodians.size()", equalTo(0));

        given().header("Authorization", MINSANTE_ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"cm\",\"role\":\"EDITOR\"},{\"user\":\"admin\",\"role\":\"OWNER\"},{\"user\":\"approver\",\"role\":\"BACKUP\"}]}")
                .put("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(200)
                .body("custodians.user", equalTo(List.of("admin", "cm", "approver")))
                .body("custodians.role", equalTo(List.of("OWNER", "EDITOR", "BACKUP")));

        given().header("Authorization", MINSANTE_ANALYST).get("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(200).body("custodians.size()", equalTo(3));

        given().header("Authorization", MINSANTE_ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"admin\",\"role\":\"OWNER\"}]}")
                .put("/api/accounts/official/" + id + "/custodians").then().statusCode(200);

        given().header("Authorization", MINSANTE_CM).get("/api/accounts/official/" + id + "/history")
                .then().statusCode(200)
                .body("items.action", hasItem("OFFICIAL_ACCOUNT_CUSTODIANS_CHANGED"))
                .body("items[2].before", containsString("\"approver\""))
                .body("items[2].after", equalTo("[{\"user\":\"admin\",\"role\":\"OWNER\"}]"))
                .body("items[2].actor", equalTo("admin"));
    }

    @Test
    void aListWithoutOwnerOrWithTheSameUserTwiceIsRefusedAndChangesNothing() {
        String id = account();
        given().header("Authorization", MINSANTE_ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"admin\",\"role\":\"OWNER\"}]}")
                .put("/api/accounts/official/" + id + "/custodians").then().statusCode(200);

        given().header("Authorization", MINSANTE_ADMIN).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"cm\",\"role\":\"EDITOR\"}]}")
                .put("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem("doit désigner au moins un OWNER"));
        given().header("Authorization", MINSANTE_ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"admin\",\"role\":\"OWNER\"},{\"user\":\"Admin\",\"role\":\"BACKUP\"}]}")
                .put("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(400).body("errors.field", hasItem("custodians"));
        given().header("Authorization", MINSANTE_ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"<script>\",\"role\":\"OWNER\"},{\"user\":\"x\",\"role\":\"KING\"}]}")
                .put("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(400);

        given().header("Authorization", MINSANTE_ADMIN).get("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(200).body("custodians.user", equalTo(List.of("admin")));
    }

    @Test
    void onlyTheInstitutionAdminChangesCustodiansAndOnlyInItsOwnInstitution() {
        String id = account();
        String body = "{\"custodians\":[{\"user\":\"cm\",\"role\":\"OWNER\"}]}";
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).body(body)
                .put("/api/accounts/official/" + id + "/custodians").then().statusCode(403);
        given().header("Authorization", MINCOM_ADMIN).contentType(ContentType.JSON).body(body)
                .put("/api/accounts/official/" + id + "/custodians").then().statusCode(404);
        given().header("Authorization", MINCOM_ADMIN).get("/api/accounts/official/" + id + "/custodians").then().statusCode(404);
    }

    @Test
    void aCustodianMustBeAnActiveMemberOfTheInstitution() {
        String id = account();
        given().header("Authorization", MINSANTE_ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"admin\",\"role\":\"OWNER\"},{\"user\":\"stranger\",\"role\":\"EDITOR\"}]}")
                .put("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("custodians[1].user")))
                .body("errors.message", hasItem(containsString("not an active member")));
        given().header("Authorization", MINSANTE_ADMIN).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"gone\",\"role\":\"OWNER\"}]}")
                .put("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(400).body("errors.field", equalTo(List.of("custodians[0].user")))
                .body("errors.message", hasItem(containsString("n’est pas un membre actif")));
        // a user of another institution's realm is not a member of this one
        AccountsTestSupport.ensureMember("mincom", "mincom-only", true, "community-manager");
        given().header("Authorization", MINSANTE_ADMIN).contentType(ContentType.JSON)
                .body("{\"custodians\":[{\"user\":\"mincom-only\",\"role\":\"OWNER\"}]}")
                .put("/api/accounts/official/" + id + "/custodians").then().statusCode(400);
        given().header("Authorization", MINSANTE_ADMIN).get("/api/accounts/official/" + id + "/custodians")
                .then().statusCode(200).body("custodians.size()", equalTo(0));
    }
}
