package cm.vigie.plan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import java.util.UUID;

import cm.vigie.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Tokens of the demo users and small helpers shared by plan-service tests. */
public final class PlanTestSupport {

    public static final String CM = TestTokens.bearer("minsante", "cm", "community-manager");
    public static final String CM2 = TestTokens.bearer("minsante", "cm2", "community-manager");
    public static final String APPROVER = TestTokens.bearer("minsante", "approver", "approver");
    public static final String APPROVER2 = TestTokens.bearer("minsante", "approver2", "approver");
    public static final String ADMIN = TestTokens.bearer("minsante", "admin", "institution-admin");
    public static final String ANALYST = TestTokens.bearer("minsante", "analyst", "analyst");
    public static final String VIEWER = TestTokens.bearer("minsante", "viewer", "viewer");
    public static final String MINCOM_CM = TestTokens.bearer("mincom", "cm", "community-manager");
    public static final String MINCOM_APPROVER = TestTokens.bearer("mincom", "approver", "approver");

    private PlanTestSupport() {
    }

    /** An official account accounts-service knows (for the caller's institution, as far as the stub cares). */
    public static UUID officialAccount() {
        UUID id = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlEqualTo("/api/accounts/official/" + id)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + id + "\",\"platform\":\"FACEBOOK\",\"handle\":\"minsantecm\",\"status\":\"ACTIVE\"}")));
        return id;
    }

    public static Response post(String token, String path, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post(path);
    }

    public static Response action(String token, String path, String comment) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(comment == null ? "{}" : "{\"comment\":\"" + comment + "\"}").post(path);
    }

    public static Response read(String token, String path) {
        return given().header("Authorization", token).get(path);
    }

    public static String idFrom(Response created) {
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
