package cm.vigie.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = OpenApiMergerTest.class.getResourceAsStream("/openapi/" + name + ".json")) {
            return JSON.readTree(in);
        }
    }

    static OpenApiMerger.Result merge() throws IOException {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("accounts", fixture("accounts"));
        docs.put("watch", fixture("watch"));
        return new OpenApiMerger(new OpenApiMerger.Settings("http://localhost:8080", "http://127.0.0.1:8180",
                "minsante", "0.1.0")).merge(docs);
    }

    /** Zero errors from a real OpenAPI parser, with its validation on. */
    static void assertValid(String document) {
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, null);
        List<String> messages = new ArrayList<>(parsed.getMessages() == null ? List.of() : parsed.getMessages());
        assertTrue(parsed.getOpenAPI() != null, "parsed");
        assertEquals(List.of(), messages, "parser messages");
    }

    @Test
    void theMergedDocumentIsValidAndHasTheGatewayAsServerAnOidcAndABearerScheme() throws IOException {
        ObjectNode doc = merge().document();
        assertValid(JSON.writeValueAsString(doc));
        assertEquals("http://localhost:8080", doc.at("/servers/0/url").asText());
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertEquals(2, schemes.size());
        assertEquals("oauth2", schemes.at("/vigie/type").asText());
        assertEquals("http", schemes.at("/bearer/type").asText());
        assertEquals("bearer", schemes.at("/bearer/scheme").asText());
        assertEquals("JWT", schemes.at("/bearer/bearerFormat").asText());
        assertEquals("http://127.0.0.1:8180/realms/minsante/protocol/openid-connect/auth",
                schemes.at("/vigie/flows/authorizationCode/authorizationUrl").asText());
        assertTrue(schemes.at("/vigie/description").asText().contains("/realms/{institution}"));
        assertEquals("vigie", doc.at("/paths/~1api~1watch~1watchlists/get/security/0").fieldNames().next());
        assertEquals("bearer", doc.at("/paths/~1api~1watch~1watchlists/get/security/1").fieldNames().next(),
                "either scheme is accepted");
        assertEquals(2, doc.at("/paths/~1api~1watch~1watchlists/get/security").size());
        assertFalse(doc.at("/paths/~1api~1public~1verify/get").has("security"), "public stays public");
    }

    @Test
    void internalPathsAreLeftOut() throws IOException {
        assertFalse(merge().document().path("paths").has("/internal/institutions"));
    }

    @Test
    void differingSchemasOfTheSameNameArePrefixedAndTheirReferencesFollow() throws IOException {
        OpenApiMerger.Result result = merge();
        JsonNode schemas = result.document().at("/components/schemas");
        assertFalse(schemas.has("Page"));
        assertEquals("#/components/schemas/OfficialAccount", schemas.at("/AccountsPage/properties/items/items/$ref").asText());
        assertEquals("#/components/schemas/Watchlist", schemas.at("/WatchPage/properties/items/items/$ref").asText());
        assertEquals("#/components/schemas/WatchPage", result.document()
                .at("/paths/~1api~1watch~1watchlists/get/responses/200/content/application~1json/schema/$ref").asText());
        // identical definitions are kept once, under their own name
        assertTrue(schemas.has("Problem"));
        assertFalse(schemas.has("AccountsProblem"));
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("'Page'")), result.notes().toString());
    }

    @Test
    void aDuplicateOperationIdIsMadeUnique() throws IOException {
        JsonNode paths = merge().document().path("paths");
        assertEquals("verifyAccount", paths.at("/~1api~1public~1verify/get/operationId").asText());
        assertEquals("watchVerifyAccount", paths.at("/~1api~1watch~1watchlists/post/operationId").asText());
    }
}
