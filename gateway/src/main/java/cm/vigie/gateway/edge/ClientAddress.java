package cm.vigie.gateway.edge;

import java.util.List;

/**
 * The address of the real client of a request: the TCP peer, unless the peer is a trusted proxy (the cluster's edge),
 * in which case {@code X-Forwarded-For} is read from its right end, skipping further trusted proxies, and the first
 * address that is not one is the client. A header from an untrusted peer is ignored: anyone can write one.
 */
public final class ClientAddress {

    private final List<Cidr> trustedProxies;

    public ClientAddress(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(String peer, String forwardedFor) {
        if (peer == null || forwardedFor == null || forwardedFor.isBlank() || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (Cidr.literal(hop) == null) {
                return client; // garbage from further left: what is to its right is all that is known
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    public boolean trusted(String address) {
        for (Cidr range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
