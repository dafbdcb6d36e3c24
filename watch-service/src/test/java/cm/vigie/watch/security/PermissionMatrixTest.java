package cm.vigie.watch.security;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PermissionMatrix;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every role gets exactly the access docs/permissions.md promises. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class PermissionMatrixTest {

    @Test
    void everyRoleGetsWhatThePermissionMatrixSays() throws Exception {
        PermissionMatrix.walk("/api/watch", "minsante");
    }
}
