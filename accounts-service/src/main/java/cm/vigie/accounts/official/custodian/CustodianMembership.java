package cm.vigie.accounts.official.custodian;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cm.vigie.accounts.keycloak.InstitutionRealmAdmin;
import cm.vigie.accounts.keycloak.KeycloakAdminException;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

/** Whether a user name is an active (enabled) member of the institution: a user of its realm. */
@ApplicationScoped
class CustodianMembership {

    private static final Logger LOG = Logger.getLogger(CustodianMembership.class);

    private final InstitutionRealmAdmin realms;

    CustodianMembership(InstitutionRealmAdmin realms) {
        this.realms = realms;
    }

    boolean isActiveMember(String institution, String userName) {
        String wanted = userName.toLowerCase(Locale.ROOT);
        try {
            return realms.call(institution, "check a custodian's membership",
                    realm -> realm.users().searchByUsername(wanted, true).stream()
                            .anyMatch(user -> wanted.equals(user.getUsername()) && Boolean.TRUE.equals(user.isEnabled())));
        } catch (KeycloakAdminException e) {
            LOG.warnf("Could not check custodian %s of %s: %s", userName, institution, e.getMessage());
            throw new ProblemException(ProblemType.UNAVAILABLE, "keycloak.unavailable");
        }
    }
}
