package cm.vigie.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceProcessTest {

    private final StackOptions options = StackOptions.forPlatform(Path.of("/repo"), StackPorts.defaults())
            .toBuilder().javaHome(Path.of("/jdk")).serviceKey("s3cret").build();

    @Test
    void serviceWithADatabase() {
        List<String> command = ServiceProcess.command(ServiceModule.WATCH, options, 15432);
        assertEquals(List.of("/jdk/bin/java", "-Xms64m", "-Xmx256m", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=8082"), command.subList(0, 5));
        assertTrue(command.contains("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:15432/watch"));
        assertTrue(command.contains("-Dquarkus.datasource.username=postgres"));
        assertTrue(command.contains("-Dquarkus.datasource.password=postgres"));
        assertTrue(command.contains("-Dvigie.keycloak.url=http://127.0.0.1:8180"));
        assertTrue(command.contains("-Dvigie.accounts.url=http://127.0.0.1:8081"));
        assertTrue(command.contains("-Dvigie.watch.url=http://127.0.0.1:8082"), "plan-service reads watch-service");
        assertFalse(command.stream().anyMatch(arg -> arg.contains("s3cret")), "the service key is not on the command line");
        assertEquals(List.of("-jar", "quarkus-run.jar"),
                command.subList(command.size() - 2, command.size()));
        assertFalse(command.stream().anyMatch(arg -> arg.startsWith("-Dvigie.gateway.")));
    }

    @Test
    void gatewayKnowsEveryServiceAndHasNoDatabase() {
        StackOptions moved = options.toBuilder()
                .ports(StackPorts.resolve(Map.of(), Map.of("--plan-port", "9083", "--gateway-port", "9080")))
                .build();
        List<String> command = ServiceProcess.command(ServiceModule.GATEWAY, moved, 15432);
        assertTrue(command.contains("-Dquarkus.http.port=9080"));
        assertTrue(command.contains("-Dvigie.gateway.services.accounts.url=http://127.0.0.1:8081"));
        assertTrue(command.contains("-Dvigie.gateway.services.watch.url=http://127.0.0.1:8082"));
        assertTrue(command.contains("-Dvigie.gateway.services.plan.url=http://127.0.0.1:9083"));
        assertFalse(command.stream().anyMatch(arg -> arg.startsWith("-Dquarkus.datasource")));
    }

    @Test
    void replicasTakeFixedPortsApartAndTheGatewayKnowsEveryInstance() {
        StackOptions two = options.toBuilder().replicas(ServiceModule.WATCH, 2).replicas(ServiceModule.GATEWAY, 2).build();
        assertEquals(List.of(8082, 8092), two.instancePorts(ServiceModule.WATCH));
        assertEquals(List.of(8080, 8090), two.instancePorts(ServiceModule.GATEWAY));
        assertEquals(1, two.replicas(ServiceModule.PLAN));
        assertEquals("watch-service-2", ServiceProcess.instanceName(ServiceModule.WATCH, 1));

        List<String> second = ServiceProcess.command(ServiceModule.WATCH, 1, two, 15432);
        assertTrue(second.contains("-Dquarkus.http.port=8092"));
        assertTrue(second.contains("-Dvigie.replicas=2"), "budgets held in memory are divided by the count");
        assertTrue(second.contains("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:15432/watch"),
                "every instance shares the service's database");
        assertFalse(second.stream().anyMatch(arg -> arg.startsWith("-XX:AOTCacheOutput")),
                "only the first instance records the AOT cache: two JVMs never write one file");

        List<String> gateway = ServiceProcess.command(ServiceModule.GATEWAY, 1, two, 15432);
        assertTrue(gateway.contains("-Dquarkus.http.port=8090"));
        assertTrue(gateway.contains("-Dvigie.gateway.services.watch.urls=http://127.0.0.1:8082,http://127.0.0.1:8092"));
        assertTrue(gateway.contains("-Dvigie.gateway.services.watch.url=http://127.0.0.1:8082"));
        assertFalse(gateway.stream().anyMatch(arg -> arg.startsWith("-Dvigie.gateway.services.plan.urls")));
        assertFalse(ServiceProcess.command(ServiceModule.PLAN, options, 15432).stream()
                .anyMatch(arg -> arg.startsWith("-Dvigie.replicas")));
    }

    @Test
    void randomPortsGiveReplicasFreePortsOfTheirOwn() {
        StackOptions tests = options.toBuilder().ports(StackPorts.random()).replicas(ServiceModule.WATCH, 3).build();
        List<Integer> ports = tests.instancePorts(ServiceModule.WATCH);
        assertEquals(3, ports.size());
        assertEquals(3, new java.util.HashSet<>(ports).size());
        for (PortSetting setting : PortSetting.values()) {
            assertFalse(ports.subList(1, 3).contains(tests.ports().get(setting)));
        }
        assertEquals(ports, tests.toBuilder().build().instancePorts(ServiceModule.WATCH), "kept when options are copied");
    }

    @Test
    void onlyAccountsServiceGetsTheKeycloakAdminCredentialsAndOnlyThroughTheEnvironment() {
        Map<String, String> accounts = ServiceProcess.environment(ServiceModule.ACCOUNTS, options);
        assertEquals("s3cret", accounts.get("VIGIE_SERVICE_KEY"));
        assertEquals(KeycloakNode.ADMIN_USERNAME, accounts.get("VIGIE_KEYCLOAK_ADMIN_USERNAME"));
        assertEquals(KeycloakNode.ADMIN_PASSWORD, accounts.get("VIGIE_KEYCLOAK_ADMIN_PASSWORD"));
        assertEquals(Map.of("VIGIE_SERVICE_KEY", "s3cret"), ServiceProcess.environment(ServiceModule.WATCH, options));
        assertFalse(ServiceProcess.command(ServiceModule.ACCOUNTS, options, 15432).stream()
                .anyMatch(arg -> arg.contains("keycloak-admin")), "no admin credentials on the command line");
    }

    @Test
    void eachServiceHasItsOwnDatabase() {
        assertEquals("accounts", ServiceModule.ACCOUNTS.database().orElseThrow());
        assertEquals("plan", ServiceModule.PLAN.database().orElseThrow());
        assertTrue(ServiceModule.GATEWAY.database().isEmpty());
    }

    @Test
    void aServiceRecordsItsAheadOfTimeCacheOnceThenStartsFromIt(@org.junit.jupiter.api.io.TempDir Path app) throws Exception {
        Path jar = java.nio.file.Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        assertEquals(List.of(), ServiceProcess.aotCacheOptions(jar, 21), "no AOT cache before JDK 25");
        assertEquals(List.of("-XX:AOTCacheOutput=app.aot"), ServiceProcess.aotCacheOptions(jar, 25));

        Path cache = java.nio.file.Files.writeString(app.resolve("app.aot"), "");
        java.nio.file.Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        assertEquals(List.of("-XX:AOTCacheOutput=app.aot"), ServiceProcess.aotCacheOptions(jar, 25),
                "an empty cache (a run stopped while writing it) is recorded again");
        java.nio.file.Files.writeString(cache, "cache");
        assertEquals(List.of("-XX:AOTCache=app.aot"), ServiceProcess.aotCacheOptions(jar, 25));

        java.nio.file.Files.setLastModifiedTime(cache, java.nio.file.attribute.FileTime.fromMillis(1));
        assertEquals(List.of("-XX:AOTCacheOutput=app.aot"), ServiceProcess.aotCacheOptions(jar, 25),
                "a rebuilt service records a new cache");
    }
}
