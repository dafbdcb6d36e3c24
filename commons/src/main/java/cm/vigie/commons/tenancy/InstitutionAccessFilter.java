package cm.vigie.commons.tenancy;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.ProblemResponses;
import cm.vigie.commons.problem.ProblemType;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** Refuses (403) every request made with the token of a suspended institution, within the directory's refresh. */
public class InstitutionAccessFilter {

    private final CurrentIdentityAssociation identities;
    private final InstitutionDirectory directory;
    private final KeycloakSettings keycloak;

    InstitutionAccessFilter(CurrentIdentityAssociation identities, InstitutionDirectory directory, KeycloakSettings keycloak) {
        this.identities = identities;
        this.directory = directory;
        this.keycloak = keycloak;
    }

    @ServerRequestFilter
    public Uni<Response> refuseSuspended(ContainerRequestContext request) {
        return identities.getDeferredIdentity().flatMap(identity -> {
            Optional<String> realm = CurrentInstitution.realmOf(identity);
            if (realm.isEmpty() || realm.get().equals(keycloak.platformRealm())) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().completionStage(directory.find(realm.get()))
                    .map(known -> known.map(KnownInstitution::active).orElse(false) ? null
                            : ProblemResponses.of(ProblemType.INSTITUTION_SUSPENDED,
                                    Messages.choose(request.getAcceptableLanguages()),
                                    request.getUriInfo().getRequestUri().getRawPath(),
                                    "problem.institution-suspended.detail"));
        });
    }
}
