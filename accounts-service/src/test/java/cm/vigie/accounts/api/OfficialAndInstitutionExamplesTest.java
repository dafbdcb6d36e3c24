package cm.vigie.accounts.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Front-end teams work from examples: every institution and official-account operation shows one. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class OfficialAndInstitutionExamplesTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasARequestOrResponseExample() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/institutions") && !path.getKey().startsWith("/api/accounts/official")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete").contains(operation.getKey())) {
                    continue;
                }
                Map<String, Object> responses = (Map<String, Object>) operation.getValue().get("responses");
                if (operation.getKey().equals("delete") && responses.containsKey("204")) {
                    continue;
                }
                checked++;
                String request = String.valueOf(operation.getValue().get("requestBody"));
                String success = responses.entrySet().stream().filter(r -> r.getKey().startsWith("2"))
                        .map(r -> String.valueOf(r.getValue())).reduce("", String::concat);
                if (!request.contains("examples=") && !success.contains("examples=")) {
                    missing.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertTrue(checked >= 15, "operations checked: " + checked);
        assertTrue(missing.isEmpty(), "no example: " + missing);
    }
}
