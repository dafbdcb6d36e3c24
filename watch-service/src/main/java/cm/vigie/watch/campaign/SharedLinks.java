package cm.vigie.watch.campaign;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The same link written differently gives one key: scheme, {@code www.} and mobile prefixes, default ports, trailing
 * slashes, fragments and tracking parameters ({@code utm_*}, {@code fbclid}, ...) do not count; other parameters are
 * sorted. Short links are kept as they are (expanding them needs a request per link).
 */
public final class SharedLinks {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "igshid", "mc_cid", "mc_eid", "ref", "ref_src",
            "si", "s", "feature", "share", "mibextid");
    private static final Set<String> HOST_PREFIXES = Set.of("www.", "m.", "mobile.", "amp.");

    private SharedLinks() {
    }

    public static Optional<String> key(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        String raw = link.strip();
        if (!raw.regionMatches(true, 0, "http://", 0, 7) && !raw.regionMatches(true, 0, "https://", 0, 8)) {
            raw = "https://" + raw;
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        for (String prefix : HOST_PREFIXES) {
            if (host.startsWith(prefix) && host.length() > prefix.length()) {
                host = host.substring(prefix.length());
                break;
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(parameter -> !parameter.isEmpty() && !tracking(parameter))
                .sorted()
                .collect(Collectors.joining("&"));
        return Optional.of(host + path + (query.isEmpty() ? "" : "?" + query));
    }

    /** The host of a key, for domain checks. */
    public static String host(String key) {
        int end = key.length();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '/' || c == '?' || c == ':') {
                end = i;
                break;
            }
        }
        return key.substring(0, end);
    }

    private static boolean tracking(String parameter) {
        int eq = parameter.indexOf('=');
        String name = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }
}
