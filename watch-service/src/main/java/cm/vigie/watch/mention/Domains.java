package cm.vigie.watch.mention;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The web domain of a URL, for {@code domain:} filters. */
final class Domains {

    private Domains() {
    }

    static Optional<String> hostOf(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
