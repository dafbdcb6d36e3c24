package cm.vigie.accounts.verify;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/** The address of the citizen behind a request: the peer, or what a trusted proxy says it forwarded for. */
@ApplicationScoped
public class ClientAddresses {

    private final Set<String> trusted;

    ClientAddresses(VerifyConfig config) {
        this.trusted = Set.copyOf(config.trustedProxies().stream().map(ClientAddresses::canonical).toList());
    }

    /**
     * Walks X-Forwarded-For from the right (the entries a client cannot forge) past trusted proxies. Untrusted
     * peers' headers are ignored, so a client cannot pick its own rate-limit bucket.
     */
    public String of(String peer, List<String> forwardedFor) {
        String client = canonical(peer);
        if (!trusted.contains(client) || forwardedFor == null) {
            return client;
        }
        for (int h = forwardedFor.size() - 1; h >= 0; h--) {
            String[] hops = forwardedFor.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = canonical(hops[i]);
                if (hop.isEmpty()) {
                    continue;
                }
                client = hop;
                if (!trusted.contains(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }

    static String canonical(String address) {
        if (address == null) {
            return "";
        }
        String a = address.strip();
        if (a.startsWith("[") && a.contains("]")) {
            a = a.substring(1, a.indexOf(']'));
        }
        if (a.equals("::1")) {
            return "0:0:0:0:0:0:0:1";
        }
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
