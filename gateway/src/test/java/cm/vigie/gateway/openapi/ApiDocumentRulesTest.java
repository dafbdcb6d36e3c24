package cm.vigie.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.commons.openapi.PermissionTable;
import cm.vigie.commons.problem.ProblemCode;

class ApiDocumentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PermissionTable TABLE = PermissionTable.parse("""
            | operationId | endpoint | platform-admin | institution-admin | community-manager | analyst | approver | viewer |
            |---|---|---|---|---|---|---|---|
            | createThing | `POST /api/things` | · | ✓ | ✓ | · | · | · |
            | getThing | `GET /api/things/{id}` | · | ✓ | ✓ | ✓ | ✓ | ✓ |
            | updateThing | `PUT /api/things/{id}` | · | ✓ | · | · | · | · |
            | readPublic | `GET /api/public/thing` | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            """);

    private static final String THINGS = """
            {"openapi":"3.1.0","info":{"title":"things","version":"1"},
             "paths":{
              "/api/things":{"post":{"operationId":"createThing","description":"Creates a thing.",
                 "security":[{"SecurityScheme":["institution-admin"]}],
                 "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                 "responses":{"201":{"description":"Created","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                              "409":{"description":"Name taken"}}}},
              "/api/things/{id}":{
                "get":{"operationId":"getThing","security":[{"SecurityScheme":[]}],
                  "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                  "responses":{"200":{"description":"The thing","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}},
                "put":{"operationId":"updateThing","description":"Replaces a thing.","security":[{"SecurityScheme":[]}],
                  "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}},
                                {"name":"If-Match","in":"header","schema":{"type":"string"}}],
                  "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                  "responses":{"200":{"description":"Updated","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}},
              "/api/public/thing":{"get":{"operationId":"readPublic","description":"Anyone reads it.","security":[{}],
                  "responses":{"200":{"description":"ok"}}}},
              "/api/unlisted":{"get":{"operationId":"unlisted","security":[{"SecurityScheme":[]}],
                  "responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{
               "Thing":{"type":"object","properties":{"severity":{"$ref":"#/components/schemas/Severity"}}},
               "Severity":{"type":"string","enum":["CRITICAL","HIGH","MEDIUM","LOW"]},
               "Problem":{"type":"object","properties":{"type":{"type":"string"},"title":{"type":"string"},"status":{"type":"integer"}}}}}}
            """;

    private static final String OTHERS = """
            {"openapi":"3.1.0","info":{"title":"others","version":"1"},"paths":{},
             "components":{"schemas":{
               "Severity":{"type":"string","description":"How urgent","enum":["LOW","MEDIUM","HIGH","CRITICAL"]}}}}
            """;

    private static OpenApiMerger.Result merge(String... documents) throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        for (int i = 0; i < documents.length; i++) {
            docs.put(i == 0 ? "things" : "others" + i, JSON.readTree(documents[i]));
        }
        return new OpenApiMerger(new OpenApiMerger.Settings("http://localhost:8080", "http://127.0.0.1:8180",
                "minsante", "0.1.0"), TABLE).merge(docs);
    }

    private static JsonNode operation(JsonNode document, String path, String method) {
        return document.path("paths").path(path).path(method);
    }

    @Test
    void rolesComeFromThePermissionTableAsAnExtensionAndInTheDescription() throws Exception {
        ObjectNode doc = merge(THINGS).document();
        JsonNode update = operation(doc, "/api/things/{id}", "put");
        assertEquals(List.of("institution-admin"), JSON.convertValue(update.get("x-vigie-roles"), List.class));
        assertEquals("Replaces a thing.\n\n**Roles:** `institution-admin`.", update.get("description").asText());
        JsonNode read = operation(doc, "/api/things/{id}", "get");
        assertEquals(5, read.get("x-vigie-roles").size());
        assertEquals("", ApiDocumentRules.written(read.get("description").asText()), "no description written yet");
        JsonNode open = operation(doc, "/api/public/thing", "get");
        assertTrue(open.get("x-vigie-public").asBoolean());
        assertTrue(open.get("description").asText().endsWith("**Access:** public, no token needed."));
        assertFalse(operation(doc, "/api/unlisted", "get").has("x-vigie-roles"), "no row, no roles");
    }

    @Test
    void everyOperationDocumentsTheProblemsItCanGive() throws Exception {
        ObjectNode doc = merge(THINGS).document();
        JsonNode create = operation(doc, "/api/things", "post").path("responses");
        for (String status : List.of("400", "401", "403", "413", "429", "503", "504")) {
            assertTrue(create.has(status), "create " + status);
        }
        assertFalse(create.has("404"), "no path parameter");
        assertFalse(create.has("412"), "no If-Match");
        assertEquals("#/components/schemas/Problem",
                create.at("/409/content/application~1problem+json/schema/$ref").asText(), "a bare 409 gets a problem body");
        JsonNode update = operation(doc, "/api/things/{id}", "put").path("responses");
        for (String status : List.of("404", "412", "428")) {
            assertTrue(update.has(status), "update " + status);
        }
        JsonNode open = operation(doc, "/api/public/thing", "get").path("responses");
        assertFalse(open.has("401"));
        assertTrue(open.has("429") && open.has("503") && open.has("504"), "the gateway's own answers");
        JsonNode tooMany = doc.at("/components/responses/TooManyRequests");
        assertEquals("#/components/schemas/Problem", tooMany.at("/content/application~1problem+json/schema/$ref").asText());
        assertTrue(tooMany.at("/headers").has("Retry-After"));
    }

    @Test
    void theETagIsDocumentedWhereAVersionedResourceIsAnswered() throws Exception {
        ObjectNode doc = merge(THINGS).document();
        String etag = "#/components/headers/ETag";
        assertEquals(etag, operation(doc, "/api/things/{id}", "put").at("/responses/200/headers/ETag/$ref").asText());
        assertEquals(etag, operation(doc, "/api/things/{id}", "get").at("/responses/200/headers/ETag/$ref").asText());
        assertEquals(etag, operation(doc, "/api/things", "post").at("/responses/201/headers/ETag/$ref").asText());
        assertFalse(operation(doc, "/api/public/thing", "get").at("/responses/200").has("headers"));
        assertTrue(doc.at("/components/headers/ETag/description").asText().contains("If-Match"));
    }

    @Test
    void problemCodesAreListedOnceAndTheProblemSchemaPointsAtThem() throws Exception {
        ObjectNode doc = merge(THINGS).document();
        List<String> codes = new ArrayList<>();
        doc.at("/components/schemas/ProblemCode/enum").forEach(code -> codes.add(code.asText()));
        assertEquals(ProblemCode.values().length, codes.size());
        assertTrue(codes.containsAll(List.of("VALIDATION", "STALE_ETAG", "PRECONDITION_REQUIRED", "QUOTA_EXCEEDED",
                "NOT_FOUND", "FORBIDDEN_ROLE", "INVALID_TRANSITION", "DUPLICATE", "INSTITUTION_SUSPENDED")));
        assertEquals("#/components/schemas/ProblemCode", doc.at("/components/schemas/Problem/properties/code/$ref").asText());
        OpenApiMergerTest.assertValid(JSON.writeValueAsString(doc));
    }

    @Test
    void aSharedVocabularyOrderedDifferentlyIsPublishedOnce() throws Exception {
        OpenApiMerger.Result result = merge(THINGS, OTHERS);
        JsonNode schemas = result.document().at("/components/schemas");
        assertEquals(List.of(), result.violations());
        assertFalse(schemas.has("ThingsSeverity") || schemas.has("Others1Severity"), schemas.toString());
        assertEquals("How urgent", schemas.at("/Severity/description").asText());
        assertEquals("#/components/schemas/Severity", schemas.at("/Thing/properties/severity/$ref").asText());
    }

    @Test
    void aSharedVocabularyWithDifferentValuesIsAViolation() throws Exception {
        String divergent = OTHERS.replace("\"CRITICAL\"]", "\"CRITICAL\",\"EXTREME\"]");
        OpenApiMerger.Result result = merge(THINGS, divergent);
        assertEquals(1, result.violations().size(), result.violations().toString());
        assertTrue(result.violations().get(0).contains("'Severity'") && result.violations().get(0).contains("EXTREME"),
                result.violations().get(0));
    }
}
