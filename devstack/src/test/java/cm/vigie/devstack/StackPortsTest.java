package cm.vigie.devstack;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackPortsTest {

    @Test
    void defaultsAreThePlatformPorts() {
        StackPorts ports = StackPorts.defaults();
        assertEquals(8080, ports.gateway());
        assertEquals(8081, ports.accounts());
        assertEquals(8082, ports.watch());
        assertEquals(8083, ports.plan());
        assertEquals(8180, ports.keycloak());
        assertEquals(15432, ports.postgres());
        assertEquals(ports, StackPorts.resolve(Map.of(), Map.of()));
    }

    @Test
    void environmentOverridesDefaultsAndFlagsOverrideEnvironment() {
        StackPorts ports = StackPorts.resolve(
                Map.of("VIGIE_GATEWAY_PORT", "9080", "VIGIE_POSTGRES_PORT", " 25432 ", "VIGIE_PLAN_PORT", ""),
                Map.of("--gateway-port", "9090", "--keycloak-management-port", "9190"));
        assertEquals(9090, ports.gateway());
        assertEquals(25432, ports.postgres());
        assertEquals(8083, ports.plan(), "a blank variable keeps the default");
        assertEquals(9190, ports.keycloakManagement());
    }

    @Test
    void namesOfTheOverrides() {
        assertEquals("VIGIE_KEYCLOAK_MANAGEMENT_PORT", PortSetting.KEYCLOAK_MANAGEMENT.envVar());
        assertEquals("--keycloak-management-port", PortSetting.KEYCLOAK_MANAGEMENT.flag());
        assertEquals("VIGIE_ACCOUNTS_PORT", PortSetting.ACCOUNTS.envVar());
    }

    @Test
    void rejectsBadPorts() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> StackPorts.resolve(Map.of("VIGIE_WATCH_PORT", "80a"), Map.of()));
        assertTrue(notANumber.getMessage().contains("VIGIE_WATCH_PORT"), notANumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StackPorts.resolve(Map.of(), Map.of("--plan-port", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> StackPorts.resolve(Map.of(), Map.of("--plan-port", "70000")));
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> StackPorts.resolve(Map.of(), Map.of("--plan-port", "8080")));
        assertTrue(clash.getMessage().contains("8080"), clash.getMessage());
    }

    @Test
    void randomPortsAreDistinctAndFree() {
        StackPorts ports = StackPorts.random();
        Set<Integer> seen = new HashSet<>();
        for (PortSetting setting : PortSetting.values()) {
            assertTrue(seen.add(ports.get(setting)));
            assertTrue(StackPorts.isFree(ports.get(setting)));
        }
    }
}
