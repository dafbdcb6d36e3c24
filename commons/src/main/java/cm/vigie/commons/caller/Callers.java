package cm.vigie.commons.caller;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.tenancy.CurrentInstitution;
import io.quarkus.security.identity.SecurityIdentity;

/** "Who am I here?", for the {@code /me} operation each service exposes under its own prefix. */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;
    private final CurrentInstitution currentInstitution;

    Callers(SecurityIdentity identity, CurrentInstitution currentInstitution) {
        this.identity = identity;
        this.currentInstitution = currentInstitution;
    }

    public CallerView current() {
        return new CallerView(currentInstitution.realm().orElse(null), currentInstitution.slug().orElse(null),
                identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList());
    }
}
