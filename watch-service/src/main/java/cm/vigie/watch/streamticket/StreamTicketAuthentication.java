package cm.vigie.watch.streamticket;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates {@code GET /api/watch/alerts/stream?ticket=...} sent without an Authorization header (a browser's
 * EventSource) by claiming the ticket ({@link StreamTicketIdentityProvider}). Every other request is left to the
 * bearer-token mechanism: this one answers no identity for it.
 */
@ApplicationScoped
@Priority(2000)
public class StreamTicketAuthentication implements HttpAuthenticationMechanism {

    public static final String STREAM_PATH = "/api/watch/alerts/stream";
    public static final String TICKET_PARAMETER = "ticket";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String ticket = context.request().getParam(TICKET_PARAMETER);
        if (ticket == null || !STREAM_PATH.equals(context.normalizedPath())
                || context.request().getHeader("Authorization") != null) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new StreamTicketRequest(ticket), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(StreamTicketRequest.class);
    }

    @Override
    public int getPriority() {
        return 2000;
    }
}
