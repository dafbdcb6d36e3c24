package cm.vigie.plan.api;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.OpenApiContract;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class ApiDocumentTest {

    @Test
    void everyOperationIsDocumentedForGeneratedClients() {
        OpenApiContract.verify();
    }
}
