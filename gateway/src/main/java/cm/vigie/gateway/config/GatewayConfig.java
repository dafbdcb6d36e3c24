package cm.vigie.gateway.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's route table, read as one table from {@code vigie.gateway.*}.
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

    /** How long to wait for a TCP connection to an upstream service. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Upper bound of pooled HTTP/1.1 connections to each upstream service. */
    @WithDefault("100")
    int maxConnectionsPerService();

    interface Service {
        /** Base URL of the service: scheme, host and port only, e.g. {@code http://127.0.0.1:8081}. */
        String url();
    }
}
