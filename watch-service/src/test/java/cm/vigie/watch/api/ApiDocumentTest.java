package cm.vigie.watch.api;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.OpenApiContract;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class ApiDocumentTest {

    @Test
    void everyOperationIsDocumentedForGeneratedClients() {
        OpenApiContract.verify();
    }
}
