package cm.vigie.plan.security;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PermissionMatrix;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every role gets exactly the access docs/permissions.md promises. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class PermissionMatrixTest {

    @Test
    void everyRoleGetsWhatThePermissionMatrixSays() throws Exception {
        PermissionMatrix.walk("/api/plans", "minsante");
    }
}
