package cm.vigie.accounts.institution;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import cm.vigie.accounts.keycloak.KeycloakAdminConfig;
import cm.vigie.accounts.keycloak.KeycloakRealms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Realms that an onboarding created, or may have created, and could not register. When Keycloak's answer to a
 * creation outlives the admin timeout, Keycloak may still be creating the realm when the onboarding gives up: a removal
 * at that moment finds nothing, the realm appears afterwards, and the slug answers 409 for good. So a realm that was
 * not there yet is looked for again until {@code vigie.keycloak-admin.orphan-watch} has passed, and removed when it
 * appears, unless the slug was onboarded again meanwhile. Each check holds the slug's lock, which an onboarding also
 * holds, so a check never removes the realm of an onboarding in progress on any replica.
 */
@ApplicationScoped
public class OrphanRealms {

    private static final Logger LOG = Logger.getLogger(OrphanRealms.class);

    private final Map<String, Instant> watched = new ConcurrentHashMap<>();
    private final InstitutionRepository institutions;
    private final KeycloakRealms realms;
    private final KeycloakAdminConfig config;
    private final Clock clock = Clock.systemUTC();

    OrphanRealms(InstitutionRepository institutions, KeycloakRealms realms, KeycloakAdminConfig config) {
        this.institutions = institutions;
        this.realms = realms;
        this.config = config;
    }

    /** Removes the slug's realm now if it exists and is not registered, or as soon as it appears. Never throws. */
    void remove(String slug) {
        watched.put(slug, clock.instant().plus(config.orphanWatch()));
        check(slug);
    }

    @Scheduled(every = "${vigie.keycloak-admin.orphan-check-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void checkAll() {
        watched.keySet().forEach(this::check);
    }

    private void check(String slug) {
        Instant until = watched.get(slug);
        if (until == null) {
            return;
        }
        try {
            boolean settled = QuarkusTransaction.requiringNew().call(() -> {
                institutions.lockSlug(slug);
                // onboarded again since: the realm is the new institution's now
                return institutions.findBySlug(slug).isPresent() || realms.removeIfPresent(slug);
            });
            if (settled) {
                watched.remove(slug);
            } else if (clock.instant().isAfter(until)) {
                watched.remove(slug);
                LOG.infof("Keycloak realm %s never appeared after its onboarding failed: nothing to remove", slug);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak realm %s was created but its institution could not be registered, and removing it"
                    + " failed (%s); trying again until %s, then remove it by hand", slug, e.getMessage(), until);
            if (clock.instant().isAfter(until)) {
                watched.remove(slug);
                LOG.errorf("Keycloak realm %s could not be removed: remove it by hand", slug);
            }
        }
    }
}
