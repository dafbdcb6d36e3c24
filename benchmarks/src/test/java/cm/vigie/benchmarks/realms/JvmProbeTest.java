package cm.vigie.benchmarks.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JvmProbeTest {

    @Test
    void countsTheLiveInstancesOfOneClassInAHistogram() {
        String histogram = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         52000        4200000  [B (java.base@25.0.3)
                 812:            37           5920  io.quarkus.oidc.runtime.TenantConfigContextImpl
                 813:             2             64  io.quarkus.oidc.runtime.TenantConfigContextImpl$Credentials
                Total        300000       25000000
                """;
        assertEquals(37, JvmProbe.countIn(histogram, JvmProbe.TENANT_CONTEXT_CLASS));
        assertEquals(0, JvmProbe.countIn(histogram, "io.quarkus.oidc.runtime.Missing"));
    }
}
