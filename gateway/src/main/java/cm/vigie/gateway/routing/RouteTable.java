package cm.vigie.gateway.routing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which upstream service answers a request path. Pure logic, built once at startup.
 *
 * <p>A prefix matches the path itself and everything under it ({@code /api/accounts} matches
 * {@code /api/accounts} and {@code /api/accounts/official/123}, not {@code /api/accountsX}).
 * When several prefixes match, the longest wins.
 *
 * <p>{@link #of} validates the whole table and reports every problem at once, so a bad
 * configuration fails the start with one readable message.
 */
public final class RouteTable {

    /** One instance of an upstream service (one replica, or the one Service URL Kubernetes balances behind). */
    public record Instance(URI url, String host, int port, boolean ssl) {
    }

    /** An upstream service: where its requests go, one or several instances (the first one first). */
    public record Upstream(String name, List<Instance> instances) {

        public Upstream {
            instances = List.copyOf(instances);
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("service '" + name + "' has no instance");
            }
        }

        public URI url() {
            return instances.get(0).url();
        }

        public String host() {
            return instances.get(0).host();
        }

        public int port() {
            return instances.get(0).port();
        }

        public boolean ssl() {
            return instances.get(0).ssl();
        }
    }

    /** One line of the table. */
    public record Route(String prefix, Upstream upstream) {

        boolean matches(String path) {
            if ("/".equals(prefix)) {
                return path.startsWith("/");
            }
            return path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }
    }

    private final List<Route> routes;
    private final Map<String, Upstream> upstreams;

    private RouteTable(List<Route> routes, Map<String, Upstream> upstreams) {
        this.routes = routes;
        this.upstreams = upstreams;
    }

    /**
     * Builds and validates the table.
     *
     * @param serviceUrls service name to base URL
     * @param prefixes path prefix to service name
     * @throws IllegalArgumentException listing every invalid entry
     */
    public static RouteTable of(Map<String, String> serviceUrls, Map<String, String> prefixes) {
        Map<String, List<String>> instances = new LinkedHashMap<>();
        serviceUrls.forEach((name, url) -> instances.put(name, java.util.Collections.singletonList(url)));
        return ofInstances(instances, prefixes);
    }

    /**
     * As {@link #of}, each service with the base URLs of all its instances (the gateway balances across them).
     *
     * @throws IllegalArgumentException listing every invalid entry
     */
    public static RouteTable ofInstances(Map<String, List<String>> serviceUrls, Map<String, String> prefixes) {
        List<String> errors = new ArrayList<>();

        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        new TreeMap<>(serviceUrls).forEach((name, urls) -> {
            List<Instance> instances = new ArrayList<>();
            for (String url : urls == null || urls.isEmpty() ? java.util.Collections.<String>singletonList(null) : urls) {
                try {
                    Instance instance = parseInstance(name, url);
                    if (instances.contains(instance)) {
                        errors.add("service '" + name + "' lists instance '" + url + "' twice");
                    }
                    instances.add(instance);
                } catch (IllegalArgumentException e) {
                    errors.add(e.getMessage());
                }
            }
            if (!instances.isEmpty() && instances.size() == (urls == null || urls.isEmpty() ? 1 : urls.size())) {
                upstreams.put(name, new Upstream(name, instances));
            }
        });

        Map<String, Route> byPrefix = new TreeMap<>();
        new TreeMap<>(prefixes).forEach((rawPrefix, serviceName) -> {
            String prefix = normalizePrefix(rawPrefix);
            if (prefix == null) {
                errors.add("route '" + rawPrefix + "': a prefix must start with '/' and contain no '?', '#', '*' or spaces");
                return;
            }
            String name = serviceName == null ? "" : serviceName.strip();
            if (!serviceUrls.containsKey(name)) {
                errors.add("route '" + rawPrefix + "' names unknown service '" + name + "' (known: "
                        + String.join(", ", new TreeMap<>(serviceUrls).keySet()) + ")");
                return;
            }
            Upstream upstream = upstreams.get(name);
            if (upstream == null) {
                return; // its URL is already reported
            }
            if (byPrefix.putIfAbsent(prefix, new Route(prefix, upstream)) != null) {
                errors.add("route '" + rawPrefix + "' duplicates prefix '" + prefix + "'");
            }
        });

        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid gateway route table (vigie.gateway.*): "
                    + String.join("; ", errors));
        }

        List<Route> ordered = new ArrayList<>(byPrefix.values());
        ordered.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        return new RouteTable(List.copyOf(ordered), Map.copyOf(upstreams));
    }

    /** The route for a (normalized) request path, the longest matching prefix first. */
    public Optional<Route> lookup(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Routes, longest prefix first. */
    public List<Route> routes() {
        return routes;
    }

    /** Every configured service, routed or not, by name. */
    public Map<String, Upstream> upstreams() {
        return upstreams;
    }

    private static String normalizePrefix(String raw) {
        if (raw == null) {
            return null;
        }
        String prefix = raw.strip();
        if (!prefix.startsWith("/") || prefix.chars().anyMatch(c -> c == '?' || c == '#' || c == '*' || Character.isWhitespace(c))) {
            return null;
        }
        while (prefix.length() > 1 && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix;
    }

    private static Instance parseInstance(String name, String url) {
        String where = "service '" + name + "' url '" + url + "'";
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(where + " is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + " is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(where + " must be an absolute http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(where + " has no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException(where
                    + " must hold only scheme, host and port (the request path is forwarded as is)");
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : (ssl ? 443 : 80);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // IPv6 literal
        }
        return new Instance(uri, host, port, ssl);
    }
}
