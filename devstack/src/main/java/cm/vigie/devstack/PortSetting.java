package cm.vigie.devstack;

import java.util.Locale;

/** Every TCP port the local stack binds, with its default for {@code ./platform up} and how to override it. */
public enum PortSetting {
    GATEWAY(8080),
    ACCOUNTS(8081),
    WATCH(8082),
    PLAN(8083),
    KEYCLOAK(8180),
    /** Keycloak's management interface (9000 by default in Keycloak, moved out of the way). */
    KEYCLOAK_MANAGEMENT(8190),
    POSTGRES(15432);

    private final int defaultPort;

    PortSetting(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** {@code VIGIE_GATEWAY_PORT}, {@code VIGIE_KEYCLOAK_MANAGEMENT_PORT}, ... */
    public String envVar() {
        return "VIGIE_" + name() + "_PORT";
    }

    /** {@code --gateway-port}, {@code --keycloak-management-port}, ... */
    public String flag() {
        return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-') + "-port";
    }
}
