package cm.vigie.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped realm files hold what the services and the demo rely on. */
class RealmFilesTest {

    private static final Map<String, String> INSTITUTION_USERS = Map.of(
            "admin", "institution-admin",
            "cm", "community-manager",
            "analyst", "analyst",
            "approver", "approver",
            "viewer", "viewer");

    @ParameterizedTest
    @ValueSource(strings = {"minsante", "mincom"})
    void institutionRealmHasTheFiveRolesAndOneUserPerRole(String slug) throws IOException {
        JsonNode realm = realm(slug);
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        assertEquals(new TreeSet<>(INSTITUTION_USERS.values()), roles);

        Map<String, String> userRoles = new TreeMap<>();
        for (JsonNode user : realm.path("users")) {
            assertUsable(user);
            List<String> realmRoles = texts(user.path("realmRoles"));
            assertEquals(1, realmRoles.size(), user.toString());
            userRoles.put(user.path("username").asText(), realmRoles.get(0));
        }
        assertEquals(new TreeMap<>(INSTITUTION_USERS), userRoles);
        assertConsoleClient(realm);
    }

    @Test
    void platformRealmHasTheOperator() throws IOException {
        JsonNode realm = realm("platform");
        JsonNode users = realm.path("users");
        assertEquals(1, users.size());
        JsonNode operator = users.get(0);
        assertEquals(DemoInstitutions.OPERATOR_USERNAME, operator.path("username").asText());
        assertEquals(List.of("platform-admin"), texts(operator.path("realmRoles")));
        assertUsable(operator);
        assertEquals(DemoInstitutions.OPERATOR_PASSWORD, operator.path("credentials").get(0).path("value").asText());
        // DemoInstitutions gets the operator's token with a password grant through this client.
        assertConsoleClient(realm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "minsante", "mincom"})
    void realmSettings(String name) throws IOException {
        JsonNode realm = realm(name);
        assertEquals(name, realm.path("realm").asText(), "the file name and the realm name agree");
        assertTrue(realm.path("enabled").asBoolean());
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertEquals(300, realm.path("accessTokenLifespan").asInt());
        assertFalse(realm.path("registrationAllowed").asBoolean());
    }

    @Test
    void demoInstitutionsMatchTheirRealms() throws IOException {
        assertEquals(List.of("minsante", "mincom"), DemoInstitutions.ALL.stream().map(DemoInstitutions.Institution::slug).toList());
        for (DemoInstitutions.Institution institution : DemoInstitutions.ALL) {
            assertTrue(KeycloakNode.REALMS.contains(institution.slug()));
            JsonNode realm = realm(institution.slug());
            assertEquals(institution.nameFr(), realm.path("displayName").asText());
            JsonNode texts = realm.path("localizationTexts");
            assertEquals(institution.nameFr(), texts.path("fr").path("vigieRealmName").asText());
            assertEquals(institution.nameEn(), texts.path("en").path("vigieRealmName").asText());
            assertFalse(institution.accounts().isEmpty(), "a first start shows official accounts to verify");
            boolean hasCommunityManager = false;
            for (JsonNode user : realm.path("users")) {
                hasCommunityManager |= user.path("username").asText().equals(DemoInstitutions.COMMUNITY_MANAGER);
            }
            assertTrue(hasCommunityManager, institution.slug() + " has the user that registers its demo accounts");
        }
        assertEquals("{\"slug\":\"minsante\",\"nameFr\":\"Ministère de la Santé publique\","
                + "\"nameEn\":\"Ministry of Public Health\",\"type\":\"MINISTRY\",\"adoptExistingRealm\":true}",
                DemoInstitutions.body(DemoInstitutions.ALL.get(0)));
    }

    @Test
    void demoLoginTableListsEveryUser() {
        List<DemoLogins.Login> logins = DemoLogins.all();
        assertEquals(11, logins.size());
        assertTrue(logins.contains(new DemoLogins.Login("minsante", "cm", "demo", "community-manager")));
        assertTrue(logins.contains(new DemoLogins.Login("platform", "operator", "demo", "platform-admin")));
    }

    /** Keycloak 26 would otherwise demand profile updates or actions before the first token. */
    private static void assertUsable(JsonNode user) {
        String name = user.path("username").asText();
        assertTrue(user.path("enabled").asBoolean(), name);
        assertTrue(user.path("emailVerified").asBoolean(), name);
        assertFalse(user.path("firstName").asText().isBlank(), name);
        assertFalse(user.path("lastName").asText().isBlank(), name);
        assertTrue(user.path("email").asText().contains("@"), name);
        assertEquals(0, user.path("requiredActions").size(), name);
        JsonNode credentials = user.path("credentials");
        assertEquals(1, credentials.size(), name);
        assertEquals("password", credentials.get(0).path("type").asText());
        assertEquals("demo", credentials.get(0).path("value").asText());
        assertFalse(credentials.get(0).path("temporary").asBoolean(true), name + " password must not be temporary");
    }

    private static void assertConsoleClient(JsonNode realm) {
        JsonNode client = null;
        for (JsonNode candidate : realm.path("clients")) {
            if (KeycloakTokens.CLIENT_ID.equals(candidate.path("clientId").asText())) {
                client = candidate;
            }
        }
        assertNotNull(client, "client vigie-console");
        assertTrue(client.path("enabled").asBoolean());
        assertTrue(client.path("publicClient").asBoolean());
        assertTrue(client.path("standardFlowEnabled").asBoolean());
        assertTrue(client.path("directAccessGrantsEnabled").asBoolean());
        assertFalse(client.path("implicitFlowEnabled").asBoolean());
        assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText());
        // the front-ends, and Swagger UI at the gateway (PKCE login)
        assertEquals(List.of("http://localhost:3000/*", "http://localhost:5173/*", "http://localhost:8080/q/swagger-ui/*",
                "http://127.0.0.1:8080/q/swagger-ui/*"), texts(client.path("redirectUris")));
        assertEquals(List.of("http://localhost:3000", "http://localhost:5173", "http://localhost:8080",
                "http://127.0.0.1:8080"), texts(client.path("webOrigins")));
        // Without an explicit list Keycloak gives the client the realm's default scopes, "roles" among them,
        // which is what puts realm_access.roles into the access token.
        assertTrue(client.path("defaultClientScopes").isMissingNode());
    }

    private static JsonNode realm(String name) throws IOException {
        String resource = KeycloakNode.realmResource(name);
        try (InputStream in = RealmFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
