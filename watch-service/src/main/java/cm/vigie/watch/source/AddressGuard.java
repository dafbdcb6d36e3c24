package cm.vigie.watch.source;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps connectors from being turned against the inside of the platform: a source may only point at public http(s)
 * addresses, unless configuration allows private ones ({@code vigie.watch.sources.allow-private-addresses}).
 * Checked before every request, redirects included.
 */
@ApplicationScoped
public class AddressGuard {

    private final SourcesSettings settings;

    public AddressGuard(SourcesSettings settings) {
        this.settings = settings;
    }

    public void check(URI uri) throws ConnectorException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConnectorException("only http(s) URLs can be collected");
        }
        if (settings.allowPrivateAddresses()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    throw new ConnectorException("the address of " + uri.getHost() + " is not public");
                }
            }
        } catch (UnknownHostException e) {
            throw new ConnectorException("unknown host " + uri.getHost());
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 100 && second >= 64 && second < 128 // 100.64/10 carrier-grade NAT
                || first == 0 || first >= 240;
    }
}
