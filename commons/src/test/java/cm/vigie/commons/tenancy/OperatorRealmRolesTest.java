package cm.vigie.commons.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class OperatorRealmRolesTest {

    private static final Set<String> EVERY_ROLE = Set.of(Roles.PLATFORM_ADMIN, Roles.INSTITUTION_ADMIN,
            Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER, "offline_access");

    private final OperatorRealmRoles augmentor = new OperatorRealmRoles(settings("platform"));

    private static KeycloakSettings settings(String platformRealm) {
        return new KeycloakSettings() {
            @Override
            public String url() {
                return "http://127.0.0.1:8180";
            }

            @Override
            public Optional<String> internalUrl() {
                return Optional.empty();
            }

            @Override
            public Duration clockSkew() {
                return Duration.ofSeconds(60);
            }

            @Override
            public String platformRealm() {
                return platformRealm;
            }

            @Override
            public Set<String> clients() {
                return Set.of("vigie-console");
            }
        };
    }

    private static SecurityIdentity identity(String realm, Set<String> roles) {
        Principal principal = () -> "someone";
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(roles)
                .addAttribute(CurrentInstitution.TENANT_ID_ATTRIBUTE, realm).build();
    }

    private SecurityIdentity augmented(SecurityIdentity identity) {
        return augmentor.augment(identity, null).await().indefinitely();
    }

    @Test
    void platformAdminOfAnInstitutionRealmIsDroppedAndItsInstitutionRolesKept() {
        SecurityIdentity identity = augmented(identity("minsante", EVERY_ROLE));
        assertFalse(identity.hasRole(Roles.PLATFORM_ADMIN));
        assertTrue(identity.hasRole(Roles.VIEWER));
        assertTrue(identity.hasRole(Roles.INSTITUTION_ADMIN));
        assertEquals("someone", identity.getPrincipal().getName());
        assertEquals(Optional.of("minsante"), CurrentInstitution.realmOf(identity));
    }

    @Test
    void aTokenOfThePlatformRealmKeepsOnlyOperatorRoles() {
        SecurityIdentity identity = augmented(identity("platform", EVERY_ROLE));
        assertEquals(Set.of(Roles.PLATFORM_ADMIN), identity.getRoles());
        assertEquals(Optional.of("platform"), CurrentInstitution.realmOf(identity));
    }

    @Test
    void theOperatorsRealmIsTheConfiguredOne() {
        OperatorRealmRoles renamed = new OperatorRealmRoles(settings("operateurs"));
        assertEquals(Set.of(), renamed.rolesThatCount("platform", Set.of(Roles.PLATFORM_ADMIN)));
        assertEquals(Set.of(Roles.PLATFORM_ADMIN), renamed.rolesThatCount("operateurs", Set.of(Roles.PLATFORM_ADMIN)));
    }

    @Test
    void identitiesWithNothingToDropAndAnonymousOnesAreLeftAsThey() {
        SecurityIdentity viewer = identity("minsante", Set.of(Roles.VIEWER));
        assertSame(viewer, augmented(viewer));
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertSame(anonymous, augmented(anonymous));
    }
}
