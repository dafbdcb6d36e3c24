package cm.vigie.commons.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/**
 * What front-end teams and generated clients rely on in a service's OpenAPI document: every operation has an
 * operationId, a tag, a summary and documents its error answers as problem+json.
 */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    public static void verify() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        assertFalse(paths.isEmpty(), "the document lists operations");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            if (operation.get("operationId") == null) {
                problems.add(where + ": no operationId");
            }
            if (operation.get("summary") == null) {
                problems.add(where + ": no summary");
            }
            if (!(operation.get("tags") instanceof List<?> tags) || tags.isEmpty()) {
                problems.add(where + ": no tag");
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            boolean documentsAProblem = responses != null && responses.entrySet().stream()
                    .anyMatch(r -> r.getKey().startsWith("4") && String.valueOf(r.getValue().get("content")).contains("problem+json"));
            if (!documentsAProblem) {
                problems.add(where + ": no 4xx problem+json response documented");
            }
            if ((method.equals("get") || method.equals("delete")) && operation.get("requestBody") != null) {
                problems.add(where + ": a request body on " + method.toUpperCase() + " (an injected request object documented as a body?)");
            }
            if (responses != null) {
                responses.forEach((status, response) -> {
                    if (status.startsWith("2") && response.get("content") instanceof Map<?, ?> content) {
                        content.forEach((mediaType, body) -> {
                            if (String.valueOf(mediaType).contains("json") && !(body instanceof Map<?, ?> media && media.containsKey("schema"))) {
                                problems.add(where + ": " + status + " " + mediaType + " has no schema (generated clients would return nothing)");
                            }
                        });
                    }
                });
            }
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
