package cm.vigie.devstack;

import java.nio.file.Path;
import java.util.Optional;

/** The Quarkus services of the platform, in start order: each Maven module, its port and its database. */
public enum ServiceModule {
    ACCOUNTS("accounts-service", PortSetting.ACCOUNTS, "accounts"),
    WATCH("watch-service", PortSetting.WATCH, "watch"),
    PLAN("plan-service", PortSetting.PLAN, "plan"),
    GATEWAY("gateway", PortSetting.GATEWAY, null);

    /** The service by module name ({@code watch-service}) or short name ({@code watch}), ignoring case. */
    public static ServiceModule byName(String name) {
        String wanted = name.strip().toLowerCase(java.util.Locale.ROOT);
        for (ServiceModule service : values()) {
            if (service.module.equals(wanted) || service.gatewayName().equals(wanted)) {
                return service;
            }
        }
        throw new IllegalArgumentException("Unknown service '" + name + "' (known: accounts-service, watch-service,"
                + " plan-service, gateway)");
    }

    /** The name the gateway's route table gives the service ({@code vigie.gateway.services.<name>}). */
    public String gatewayName() {
        return module.replace("-service", "");
    }

    private final String module;
    private final PortSetting port;
    private final String database;

    ServiceModule(String module, PortSetting port, String database) {
        this.module = module;
        this.port = port;
        this.database = database;
    }

    /** Maven module directory name, also used as the component and log file name. */
    public String module() {
        return module;
    }

    public PortSetting port() {
        return port;
    }

    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    public Path runJar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
