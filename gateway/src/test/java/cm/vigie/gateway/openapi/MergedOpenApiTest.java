package cm.vigie.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.gateway.proxy.UpstreamResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The merged document served by the running gateway (services' documents fetched live), and Swagger UI. */
@QuarkusTest
@WithTestResource(UpstreamResource.class)
@WithTestResource(TestIdentityProviderResource.class)
class MergedOpenApiTest {

    @Test
    void theMergedDocumentIsServedWithoutATokenAsJsonAndIsValid() {
        String body = given().when().get("/openapi").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("servers[0].url", equalTo("http://localhost:8080"))
                .body("components.securitySchemes.vigie.type", equalTo("oauth2"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/accounts/official"))
                .body("x-vigie-missing-services", hasItem("watch"))
                .extract().asString();
        OpenApiMergerTest.assertValid(body);
    }

    @Test
    void yamlOnRequest() {
        String yaml = given().queryParam("format", "yaml").when().get("/openapi").then()
                .statusCode(200).contentType(startsWith("application/yaml"))
                .body(containsString("openapi: ")).extract().asString();
        OpenApiMergerTest.assertValid(yaml);
        given().accept("application/yaml").when().get("/openapi").then()
                .statusCode(200).contentType(startsWith("application/yaml"));
    }

    @Test
    void swaggerUiShowsTheMergedDocumentAndLogsInWithPkce() {
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("/openapi"))
                .body(containsString("vigie-console"))
                .body(containsString("usePkceWithAuthorizationCodeGrant: true"));
    }
}
