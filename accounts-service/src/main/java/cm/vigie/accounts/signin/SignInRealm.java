package cm.vigie.accounts.signin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import cm.vigie.accounts.keycloak.InstitutionRealmAdmin;
import cm.vigie.accounts.keycloak.KeycloakAdminException;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

/**
 * The sign-in settings of an institution's realm through the Keycloak admin API: password policy, SSO session
 * lifetimes, and the {@code CONFIGURE_TOTP} required action of the members who must enrol a second factor
 * (docs/adr/0035-sign-in-policy-and-custodians.md).
 */
@ApplicationScoped
class SignInRealm {

    static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";
    static final String OTP = "otp";
    private static final int PAGE = 100;
    private static final Logger LOG = Logger.getLogger(SignInRealm.class);

    /** What the realm enforces now. */
    record InForce(String passwordPolicy, int idleSeconds, int maxSeconds) {
    }

    private final InstitutionRealmAdmin admin;

    SignInRealm(InstitutionRealmAdmin admin) {
        this.admin = admin;
    }

    InForce read(String slug) {
        RealmRepresentation realm = call(() -> admin.call(slug, "read the sign-in policy", RealmResource::toRepresentation));
        return new InForce(realm.getPasswordPolicy(), orZero(realm.getSsoSessionIdleTimeout()),
                orZero(realm.getSsoSessionMaxLifespan()));
    }

    /** Only the three settings are sent: Keycloak leaves every other setting of the realm as it is. */
    void apply(String slug, String passwordPolicy, int idleSeconds, int maxSeconds) {
        RealmRepresentation change = new RealmRepresentation();
        change.setRealm(slug);
        change.setPasswordPolicy(passwordPolicy);
        change.setSsoSessionIdleTimeout(idleSeconds);
        change.setSsoSessionMaxLifespan(maxSeconds);
        call(() -> {
            admin.run(slug, "set the sign-in policy", realm -> realm.update(change));
            return null;
        });
    }

    /**
     * Makes the members who must use two-factor and have no TOTP yet enrol at their next sign-in (required action
     * {@code CONFIGURE_TOTP}), and takes that action off the members no longer required to; answers how many
     * members are required to and not enrolled. With {@code enforce} false, only counts.
     */
    int syncEnrolment(String slug, TwoFactorScope scope, List<String> roles, boolean enforce) {
        return call(() -> admin.call(slug, "sync two-factor enrolment", realm -> {
            Set<String> required = new HashSet<>();
            if (scope == TwoFactorScope.ROLES) {
                for (String role : roles) {
                    for (int first = 0;; first += PAGE) {
                        List<UserRepresentation> page = realm.roles().get(role).getUserMembers(first, PAGE);
                        page.forEach(user -> required.add(user.getId()));
                        if (page.size() < PAGE) {
                            break;
                        }
                    }
                }
            }
            int pending = 0;
            for (int first = 0;; first += PAGE) {
                List<UserRepresentation> page = realm.users().list(first, PAGE);
                for (UserRepresentation user : page) {
                    if (user.getUsername().startsWith("service-account-")) {
                        continue;
                    }
                    boolean mustEnrol = scope == TwoFactorScope.ALL || required.contains(user.getId());
                    if (mustEnrol ? syncOne(realm, user, true, enforce) : enforce && syncOne(realm, user, false, true)) {
                        pending += mustEnrol ? 1 : 0;
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            return pending;
        }));
    }

    /** Answers whether the user lacks TOTP; when {@code enforce}, sets or clears the required action accordingly. */
    private static boolean syncOne(RealmResource realm, UserRepresentation user, boolean mustEnrol, boolean enforce) {
        UserResource resource = realm.users().get(user.getId());
        boolean enrolled = resource.credentials().stream().anyMatch(c -> OTP.equals(c.getType()));
        if (enrolled) {
            return false;
        }
        if (enforce) {
            List<String> actions = new ArrayList<>(user.getRequiredActions() == null ? List.of() : user.getRequiredActions());
            boolean changed = mustEnrol ? !actions.contains(CONFIGURE_TOTP) && actions.add(CONFIGURE_TOTP)
                    : actions.remove(CONFIGURE_TOTP);
            if (changed) {
                UserRepresentation full = resource.toRepresentation();
                full.setRequiredActions(actions);
                resource.update(full);
            }
        }
        return true;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (KeycloakAdminException | ProcessingException | WebApplicationException e) {
            LOG.warnf("Keycloak admin call for the sign-in policy failed: %s", e.getMessage());
            throw new ProblemException(ProblemType.UNAVAILABLE, "keycloak.unavailable");
        }
    }
}
