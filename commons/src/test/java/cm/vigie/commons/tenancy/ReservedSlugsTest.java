package cm.vigie.commons.tenancy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReservedSlugsTest {

    @Test
    void keycloakRealmsAndPathsAndVigiePathsAreReserved() {
        for (String slug : List.of("master", "platform", "admin", "api", "realms", "keycloak", "internal", "public",
                "resources", "js", "health", "metrics", "q", "openapi", "swagger-ui")) {
            assertTrue(ReservedSlugs.isReserved(slug), slug);
        }
    }

    @Test
    void institutionSlugsAreNotAndTheConfiguredOperatorsRealmIs() {
        for (String slug : List.of("minsante", "mincom", "masters", "api-gouv", "platforms", "publics")) {
            assertFalse(ReservedSlugs.isReserved(slug), slug);
        }
        assertFalse(ReservedSlugs.isReserved(null));
        assertTrue(ReservedSlugs.isReserved("operateurs", "operateurs"));
        assertFalse(ReservedSlugs.isReserved("minsante", "operateurs"));
    }

    @Test
    void everyReservedNameIsAValidRealmNameOtherwiseItWouldNotNeedReserving() {
        ReservedSlugs.NAMES.stream().filter(name -> name.length() > 1)
                .forEach(name -> assertTrue(Issuers.REALM_NAME.matcher(name).matches(), name));
    }
}
