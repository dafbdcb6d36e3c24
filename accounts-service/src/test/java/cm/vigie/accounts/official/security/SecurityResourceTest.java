package cm.vigie.accounts.official.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class SecurityResourceTest {

    static final String SLUG = "minsecure";
    static final String CM = TestTokens.bearer(SLUG, "cm", "community-manager");
    static final String VIEWER = TestTokens.bearer(SLUG, "viewer", "viewer");
    static final String MINCOM_CM = TestTokens.bearer("mincom", "cm", "community-manager");
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    static String account(String platform) {
        String handle = "sec_" + UUID.randomUUID().toString().substring(0, 8);
        return given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"" + platform + "\",\"handle\":\"" + handle + "\",\"displayName\":\"MINSECURE\"}")
                .post("/api/accounts/official").then().statusCode(201).extract().path("id");
    }

    static void declare(String id, boolean twoFactor, String email, LocalDate rotated, int admins, boolean backup,
            LocalDate reviewed) {
        given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("""
                        {"twoFactorEnabled":%s,"recoveryEmail":%s,"credentialsRotatedOn":%s,"adminCount":%d,\
                        "backupAdminPresent":%s,"lastReviewOn":%s}""".formatted(twoFactor, quoted(email), quoted(rotated),
                        admins, backup, quoted(reviewed)))
                .put("/api/accounts/official/" + id + "/security")
                .then().statusCode(200).header("ETag", notNullValue());
    }

    static String quoted(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void aPageWithNothingDeclaredSaysSoThenTheDeclarationIsScoredInFrenchAndEnglish() {
        AccountsTestSupport.ensureInstitution(SLUG);
        String id = account("FACEBOOK");
        given().header("Authorization", VIEWER).get("/api/accounts/official/" + id + "/security")
                .then().statusCode(200)
                .body("score", equalTo(45))
                .body("findings.code", equalTo(List.of("POSTURE_UNKNOWN", "NO_CUSTODIAN")))
                .body("posture", nullValue());

        declare(id, false, "jean.dupont@gmail.com", TODAY.minusDays(120), 1, false, TODAY.minusDays(10));
        JsonPath assessment = given().header("Authorization", VIEWER).get("/api/accounts/official/" + id + "/security")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("NO_2FA", "NO_BACKUP_ADMIN", "PERSONAL_RECOVERY_EMAIL", "SINGLE_ADMIN", "ROTATION_OVERDUE",
                "NO_CUSTODIAN"), assessment.getList("findings.code"));
        assertEquals(100 - 30 - 15 - 15 - 15 - 10 - 5, assessment.getInt("score"));
        assertEquals("CRITICAL", assessment.getString("findings[0].severity"));
        assertTrue(assessment.getString("findings[0].message.fr").startsWith("La double authentification"));
        assertTrue(assessment.getString("findings[0].message.en").startsWith("Two-factor authentication is off"));
        assertEquals("jean.dupont@gmail.com", assessment.getString("posture.recoveryEmail"));
        assertEquals("cm", assessment.getString("posture.updatedBy"));

        given().header("Authorization", CM).get("/api/accounts/official/" + id + "/history")
                .then().body("items.action", hasItem("OFFICIAL_ACCOUNT_SECURITY_DECLARED"));
    }

    @Test
    void theReportListsEveryAccountWorstFirst() {
        AccountsTestSupport.ensureInstitution(SLUG);
        String strong = account("X");
        String weak = account("TIKTOK");
        declare(strong, true, "com@minsecure.cm", TODAY.minusDays(5), 3, true, TODAY.minusDays(5));
        declare(weak, false, null, null, 1, false, null);

        JsonPath report = given().header("Authorization", VIEWER).get("/api/accounts/official/security-report")
                .then().statusCode(200).extract().jsonPath();
        List<Integer> scores = report.getList("items.score", Integer.class);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) <= scores.get(i), "worst first: " + scores);
        }
        List<String> ids = report.getList("items.accountId");
        assertTrue(ids.indexOf(weak) < ids.indexOf(strong));
        assertEquals(ids.size(), report.getInt("accounts"));
        assertTrue(report.getList("findings.code").contains("NO_2FA"));
        given().header("Authorization", MINCOM_CM).get("/api/accounts/official/security-report")
                .then().statusCode(200).body("items.accountId", not(hasItems(weak)));
    }

    @Test
    void aRecoveryAddressOffTheInstitutionsDomainIsPersonal() {
        String institution = AccountsTestSupport.ensureInstitution(SLUG);
        String operator = AccountsTestSupport.OPERATOR;
        String etag = given().header("Authorization", operator).get("/api/institutions/" + institution).then().extract().header("ETag");
        given().header("Authorization", operator).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"nameFr\":\"Ministère sécurisé\",\"nameEn\":\"Secure ministry\",\"type\":\"MINISTRY\",\"emailDomain\":\"minsecure.cm\"}")
                .put("/api/institutions/" + institution).then().statusCode(200).body("emailDomain", equalTo("minsecure.cm"));

        String id = account("YOUTUBE");
        declare(id, true, "agent@consulting-firm.com", TODAY, 2, true, TODAY);
        given().header("Authorization", CM).get("/api/accounts/official/" + id + "/security")
                .then().body("findings.code", hasItem("PERSONAL_RECOVERY_EMAIL"));
        declare(id, true, "web@sg.minsecure.cm", TODAY, 2, true, TODAY);
        given().header("Authorization", CM).get("/api/accounts/official/" + id + "/security")
                .then().body("findings.code", not(hasItem("PERSONAL_RECOVERY_EMAIL")));
    }

    @Test
    void declarationsAreValidatedRoleCheckedAndInvisibleToOtherInstitutions() {
        AccountsTestSupport.ensureInstitution(SLUG);
        AccountsTestSupport.ensureInstitution("mincom");
        String id = account("LINKEDIN");
        given().header("Authorization", CM).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"twoFactorEnabled\":true,\"recoveryEmail\":\"not-an-email\",\"adminCount\":-1,"
                        + "\"backupAdminPresent\":true,\"lastReviewOn\":\"" + TODAY.plusDays(3) + "\"}")
                .put("/api/accounts/official/" + id + "/security")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("recoveryEmail", "adminCount", "lastReviewOn"));
        given().header("Authorization", CM).get("/api/accounts/official/" + id + "/security")
                .then().body("posture", nullValue());

        String valid = "{\"twoFactorEnabled\":true,\"adminCount\":2,\"backupAdminPresent\":true}";
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body(valid)
                .put("/api/accounts/official/" + id + "/security").then().statusCode(403);
        given().header("Authorization", MINCOM_CM).contentType(ContentType.JSON).body(valid)
                .put("/api/accounts/official/" + id + "/security").then().statusCode(404);
        given().header("Authorization", MINCOM_CM).get("/api/accounts/official/" + id + "/security").then().statusCode(404);
        given().header("Authorization", CM).get("/api/accounts/official/" + UUID.randomUUID() + "/security").then().statusCode(404);
    }
}
