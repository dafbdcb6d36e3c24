package cm.vigie.accounts.institution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.commons.tenancy.InstitutionStatus;
import cm.vigie.commons.tenancy.KnownInstitution;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class LocalInstitutionDirectoryTest {

    @Inject
    InstitutionDirectory directory;

    /** After a restart the directory is loaded from a background thread, outside any request. */
    @Test
    void loadsTheRegistryOutsideAnyRequest() throws Exception {
        AccountsTestSupport.ensureInstitution("minsante");
        var thread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Optional<KnownInstitution>> found = CompletableFuture.supplyAsync(() -> {
                try {
                    directory.reloadNow();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return directory.find("minsante").toCompletableFuture().join();
            }, thread);
            KnownInstitution minsante = found.get().orElseThrow();
            assertEquals(InstitutionStatus.ACTIVE, minsante.status());
            assertEquals(200, minsante.quotas().watchlists(), "the directory carries the quotas in force");
        } finally {
            thread.shutdown();
        }
    }
}
