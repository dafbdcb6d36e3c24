package cm.vigie.accounts.verify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class VerifyResourceTest {

    static final String CM = TestTokens.bearer("minsante", "cm", "community-manager");
    static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    static boolean registered;

    @BeforeEach
    void officialAccount() {
        AccountsTestSupport.ensureInstitution("minsante");
        if (!registered) {
            String id = given().header("Authorization", CM).contentType(ContentType.JSON)
                    .body("{\"platform\":\"FACEBOOK\",\"handle\":\"VerifSanteCM\",\"displayName\":\"Ministère de la Santé publique\"}")
                    .post("/api/accounts/official").then().statusCode(201).extract().path("id");
            AccountsTestSupport.verifyOfficialAccount(CM, id);
            registered = true;
        }
    }

    /** A citizen behind the gateway: each test its own address, so rate limits do not mix. */
    static RequestSpecification citizen() {
        return given().header("X-Forwarded-For", "198.51.100." + ADDRESSES.getAndIncrement());
    }

    @Test
    void anOfficialAccountIsNamedWithItsInstitutionWithoutAToken() {
        var body = citizen().queryParam("platform", "FACEBOOK").queryParam("handle", " @VerifSanteCM ")
                .get("/api/public/verify")
                .then().statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .body("official", equalTo(true))
                .body("institution.slug", equalTo("minsante"))
                .body("institution.name", equalTo("Institution minsante"))
                .body("handle", equalTo("verifsantecm"))
                .body("resembles", hasSize(0))
                .extract().jsonPath();
        // only public fields
        assertEquals(Set.of("official", "institution", "compromised", "platform", "handle", "resembles"),
                body.getMap("$").keySet());
        assertEquals(Set.of("slug", "name"), body.<String, Object>getMap("institution").keySet());
    }

    @Test
    void aPastedProfileUrlWithTrackingParametersIsUnderstood() {
        citizen().queryParam("url", "  https://m.facebook.com/VerifSanteCM/?mibextid=ZbWKwL&ref=share#about ")
                .get("/api/public/verify")
                .then().statusCode(200).body("official", equalTo(true)).body("platform", equalTo("FACEBOOK"));
        citizen().queryParam("handle", "https://www.facebook.com/VerifSanteCM?utm_source=whatsapp")
                .get("/api/public/verify")
                .then().statusCode(200).body("official", equalTo(true));
        citizen().queryParam("platform", "fb").queryParam("handle", "verifsantecm")
                .get("/api/public/verify").then().statusCode(200).body("official", equalTo(true));
    }

    @Test
    void aLookalikeSaysWhichOfficialAccountItImitates() {
        for (String lookalike : new String[] { "VerifSanteCM.Officiel", "verif_sante_cm", "VerifSanteCM237",
                "v\u0435rifsant\u0435cm" /* Cyrillic е */, "verifsantecrn" /* rn for m */, "v e r i f s a n t e c m 1" }) {
            citizen().queryParam("platform", "FACEBOOK").queryParam("handle", lookalike).get("/api/public/verify")
                    .then().statusCode(200)
                    .body("official", equalTo(false))
                    .body("institution", nullValue())
                    .body("resembles.handle", hasItem("verifsantecm"))
                    .body("resembles[0].institution.slug", equalTo("minsante"))
                    .body("resembles[0].platform", equalTo("FACEBOOK"));
        }
        citizen().queryParam("platform", "X").queryParam("handle", "cuisine_de_maman_douala").get("/api/public/verify")
                .then().statusCode(200).body("official", equalTo(false)).body("resembles", hasSize(0));
    }

    @Test
    void nonsenseAnswersAProblemInTheCallersLanguage() {
        citizen().get("/api/public/verify").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("handle"));
        citizen().queryParam("platform", "MYSPACE").queryParam("handle", "abc").get("/api/public/verify")
                .then().statusCode(400).body("errors.field", hasItem("platform"));
        citizen().header("Accept-Language", "fr").queryParam("url", "https://example.org/page").get("/api/public/verify")
                .then().statusCode(400).body("errors.field", hasItem("url")).body("title", equalTo("Requête invalide"));
        citizen().queryParam("handle", "abc").get("/api/public/verify").then().statusCode(400)
                .body("errors.field", hasItem("platform"));
        citizen().queryParam("platform", "X").queryParam("handle", "<script>alert(1)</script>").get("/api/public/verify")
                .then().statusCode(400).body(containsString("handle"));
        citizen().queryParam("platform", "X").queryParam("handle", "a".repeat(2500)).get("/api/public/verify")
                .then().statusCode(400);
    }

    @Test
    void eachClientAddressIsRateLimitedOnItsOwn() {
        String address = "203.0.113.77";
        int allowed = 0;
        io.restassured.response.Response last = null;
        // 30 a minute, refilled as time passes: the 31st quick call, or one soon after, is refused
        while (allowed < 60) {
            last = given().header("X-Forwarded-For", (allowed % 2 == 0 ? "10.1.1.1, " : "") + address).queryParam("platform", "X")
                    .queryParam("handle", "someone").get("/api/public/verify");
            if (last.statusCode() != 200) {
                break;
            }
            allowed++;
        }
        org.junit.jupiter.api.Assertions.assertTrue(allowed >= 30, "allowed " + allowed);
        last.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).header("Cache-Control", "no-store");
        citizen().queryParam("platform", "X").queryParam("handle", "someone").get("/api/public/verify").then().statusCode(200);
    }

    @Test
    void theOperationIsDocumentedAsNeedingNoToken() {
        var operation = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath()
                .getMap("paths.'/api/public/verify'.get");
        org.junit.jupiter.api.Assertions.assertTrue(operation.get("security") == null
                || ((java.util.List<?>) operation.get("security")).stream().allMatch(r -> ((Map<?, ?>) r).isEmpty()),
                "security: " + operation.get("security"));
        assertEquals("verifyPublicAccount", operation.get("operationId"));
    }

    @Test
    void theAnswerFollowsTheRegistry() {
        String handle = "verif" + java.util.UUID.randomUUID().toString().substring(0, 6);
        citizen().queryParam("platform", "TIKTOK").queryParam("handle", handle).get("/api/public/verify")
                .then().body("official", equalTo(false));
        String id = given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"TIKTOK\",\"handle\":\"" + handle + "\",\"displayName\":\"Santé TikTok\"}")
                .post("/api/accounts/official").then().statusCode(201).extract().path("id");
        // registered is not proven: neither official nor a reference for look-alikes yet
        citizen().queryParam("platform", "TIKTOK").queryParam("handle", handle).get("/api/public/verify")
                .then().body("official", equalTo(false));
        citizen().queryParam("platform", "TIKTOK").queryParam("handle", handle + "_officiel").get("/api/public/verify")
                .then().body("resembles", hasSize(0));
        AccountsTestSupport.verifyOfficialAccount(CM, id);
        citizen().queryParam("platform", "TIKTOK").queryParam("handle", handle).get("/api/public/verify")
                .then().body("official", equalTo(true));
        citizen().queryParam("platform", "TIKTOK").queryParam("handle", handle + "_officiel").get("/api/public/verify")
                .then().body("resembles.handle", hasItem(handle));
        given().header("Authorization", CM).delete("/api/accounts/official/" + id).then().statusCode(204);
        Map<String, Object> after = citizen().queryParam("platform", "TIKTOK").queryParam("handle", handle + "_officiel")
                .get("/api/public/verify").then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(java.util.List.of(), after.get("resembles"));
    }
}
