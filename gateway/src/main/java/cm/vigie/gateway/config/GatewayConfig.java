package cm.vigie.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cm.vigie.gateway.edge.Cidr;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's configuration, read as one table from {@code vigie.gateway.*}.
 *
 * <pre>
 * vigie.gateway.services.accounts.url=http://127.0.0.1:8081
 * vigie.gateway.routes."/api/accounts"=accounts
 * </pre>
 *
 * Each service URL is a plain property, so the launcher can override it with
 * {@code -Dvigie.gateway.services.accounts.url=...}. Route keys are quoted because they are paths.
 */
@ConfigMapping(prefix = "vigie.gateway")
public interface GatewayConfig {

    /** Upstream services by name. */
    Map<String, Service> services();

    /** Path prefix to service name. A prefix matches itself and everything below it. */
    Map<String, String> routes();

    /**
     * Read timeout per route prefix, overriding the service's (longest prefix wins), e.g. a slow export:
     * {@code vigie.gateway.route-read-timeouts."/api/plans/calendar"=30s}.
     */
    Map<String, Duration> routeReadTimeouts();

    /** Default time to wait for a TCP connection to an upstream service. */
    @WithDefault("800ms")
    Duration connectTimeout();

    /** Default time to wait for an upstream's response headers once the request is sent. */
    @WithDefault("10s")
    Duration readTimeout();

    /**
     * Upper bound of pooled keep-alive HTTP/1.1 connections to each upstream service, per event loop (each event loop
     * keeps its own pool so that a request and its upstream connection stay on one thread).
     */
    @WithDefault("100")
    int maxConnectionsPerService();

    /** Request bodies larger than this answer 413 before or while they stream. */
    @WithDefault("5M")
    MemorySize maxBodySize();

    /**
     * Paths reachable without a token (besides health, metrics, OpenAPI and Swagger UI, which are not proxied).
     * An entry ending in {@code /**} matches the prefix and everything below it; {@code *} matches one segment.
     */
    @WithDefault("/api/public/**,/api/watch/sources/*/meta-webhook,/api/plans/calendar/feeds/*.ics")
    List<String> publicPaths();

    CircuitBreakerConfig circuitBreaker();

    BalancingConfig balancing();

    /** Several instances of one service ({@code urls}): turn by turn, skipping one that just failed (ADR 0032). */
    interface BalancingConfig {
        /** How long an instance that refused or dropped a connection gets no request (then it is tried again). */
        @WithDefault("10s")
        Duration ejectFor();
    }

    EdgeConfig edge();

    /**
     * Proxies whose {@code X-Forwarded-For} is believed (the cluster's edge, e.g. {@code 10.244.0.0/16}): only when the
     * TCP peer is in one of these ranges is the client address of a public request read from that header. Empty:
     * the TCP peer is the client.
     */
    Optional<List<Cidr>> trustedProxies();

    /** What one client or institution may hold of the gateway (ADR 0028). */
    interface EdgeConfig {
        /** Time a new connection has to send the complete headers of its first request; then 408 and closed. */
        @WithDefault("10s")
        Duration headerTimeout();

        /** Time a request has to send its whole body once it is forwarded; then 408 and the connection closed. */
        @WithDefault("60s")
        Duration bodyTimeout();

        /** Open connections one client address may hold (0: no cap); over it, 429 and closed. */
        @WithDefault("256")
        int maxConnectionsPerAddress();

        /** Path prefixes of long-lived streams (Server-Sent Events): own upstream pool, counted per institution. */
        @WithDefault("/api/watch/alerts/stream")
        List<String> streamPaths();

        /** Streams one institution may hold open through this gateway at once; over it, 429. */
        @WithDefault("50")
        int maxStreamsPerInstitution();

        /** Upper bound of upstream connections for streams, per service and event loop (apart from the request pool). */
        @WithDefault("1000")
        int maxStreamConnectionsPerService();
    }

    TokenCacheConfig tokenCache();

    /** Tokens already verified at the edge, remembered by their SHA-256 (see {@code VerifiedTokens}). */
    interface TokenCacheConfig {
        /** Longest time a verified token is trusted without a new check (never beyond its own {@code exp}). */
        @WithDefault("60s")
        Duration maxAge();

        /** Upper bound of remembered tokens; 0 checks every request's token afresh. */
        @WithDefault("10000")
        int maxEntries();
    }

    RateLimitConfig rateLimit();

    OpenApiConfig openapi();

    interface OpenApiConfig {
        /** The gateway's URL as clients see it: the server of the merged document. */
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /** Keycloak's URL as browsers see it, when it differs from {@code vigie.keycloak.url}. */
        Optional<String> keycloakPublicUrl();

        /** The realm whose login Swagger UI offers. */
        @WithDefault("minsante")
        String demoRealm();
    }

    interface Service {
        /**
         * Base URL of the service: scheme, host and port only, e.g. {@code http://127.0.0.1:8081}. On Kubernetes, the
         * one Service URL (Kubernetes balances across the pods).
         */
        String url();

        /**
         * Base URLs of every instance, when the gateway itself balances across them (local replicas:
         * {@code vigie.gateway.services.watch.urls=http://127.0.0.1:8082,http://127.0.0.1:8092}); replaces {@link #url()}
         * for routing. See {@link BalancingConfig}.
         */
        Optional<List<String>> urls();

        /** Overrides {@code vigie.gateway.connect-timeout} for this service. */
        Optional<Duration> connectTimeout();

        /** Overrides {@code vigie.gateway.read-timeout} for this service. */
        Optional<Duration> readTimeout();
    }

    interface CircuitBreakerConfig {
        /** Consecutive failures (refused, reset, timed out, 502/503/504) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before letting one trial request through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface RateLimitConfig {
        @WithDefault("true")
        boolean enabled();

        /**
         * Gateway replicas sharing the budgets below: each one grants its share ({@code rate / replicas}, burst and
         * stream cap rounded up), so that the whole deployment grants the configured budget. Set from
         * {@code vigie.replicas} (ADR 0032).
         */
        @WithDefault("1")
        int replicas();

        /** Sustained requests per second for each institution (from its token). */
        @WithDefault("50")
        double institutionRate();

        /** Requests an institution may send at once above its rate. */
        @WithDefault("100")
        int institutionBurst();

        /** Per-institution overrides, by slug. */
        Map<String, Budget> institutions();

        /** Sustained requests per second for each client address on public routes. */
        @WithDefault("5")
        double publicRate();

        @WithDefault("20")
        int publicBurst();

        interface Budget {
            double rate();

            int burst();
        }
    }
}
