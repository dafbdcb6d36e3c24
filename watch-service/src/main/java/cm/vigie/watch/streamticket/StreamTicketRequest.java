package cm.vigie.watch.streamticket;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A stream ticket presented in the query string. */
public class StreamTicketRequest extends BaseAuthenticationRequest {

    private final String ticket;

    public StreamTicketRequest(String ticket) {
        this.ticket = ticket;
    }

    public String ticket() {
        return ticket;
    }
}
