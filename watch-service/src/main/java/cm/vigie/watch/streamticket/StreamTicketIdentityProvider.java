package cm.vigie.watch.streamticket;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.tenancy.CurrentInstitution;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The identity a claimed ticket stands for: its holder's name and roles, and the {@code tenant-id} attribute that
 * Quarkus OIDC sets for a token of the same realm, so that tenancy, suspension and role checks run as for that token.
 */
@ApplicationScoped
public class StreamTicketIdentityProvider implements IdentityProvider<StreamTicketRequest> {

    /** Identity attribute: when the token that bought the ticket expires (an Instant, or absent). */
    public static final String TOKEN_EXPIRES_AT = "vigie.stream-ticket.token-expires-at";

    private final StreamTickets tickets;

    StreamTicketIdentityProvider(StreamTickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public Class<StreamTicketRequest> getRequestType() {
        return StreamTicketRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(StreamTicketRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tickets.claim(request.ticket()).map(holder -> {
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(holder.username()))
                    .addRoles(holder.roles())
                    .addAttribute(CurrentInstitution.TENANT_ID_ATTRIBUTE, holder.institution());
            if (holder.tokenExpiresAt() != null) {
                identity.addAttribute(TOKEN_EXPIRES_AT, holder.tokenExpiresAt());
            }
            return (SecurityIdentity) identity.build();
        }).orElseThrow(() -> new AuthenticationFailedException("Unknown, used or expired stream ticket")));
    }
}
