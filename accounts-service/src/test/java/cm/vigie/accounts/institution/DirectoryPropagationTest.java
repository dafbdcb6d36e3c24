package cm.vigie.accounts.institution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.cluster.ClusterChanges;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Institution changes reach every replica: the replicas of accounts-service by notification, the other services by
 * the directory's version, which answers 304 while nothing changed.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class DirectoryPropagationTest {

    private static final String KEY = TestIdentityProvider.SERVICE_KEY;

    @Inject
    InstitutionDirectory directory;

    @Inject
    DataSource dataSource;

    @Test
    void theVersionMovesWithEveryChangeTheDirectoryShowsAndAnswers304Otherwise() {
        String id = AccountsTestSupport.ensureInstitution("minversion");
        given().get("/internal/institutions/version").then().statusCode(401);
        String before = given().header("X-Vigie-Service-Key", KEY).get("/internal/institutions/version").then()
                .statusCode(200).extract().header("ETag");
        given().header("X-Vigie-Service-Key", KEY).header("If-None-Match", before).get("/internal/institutions/version")
                .then().statusCode(304).header("ETag", equalTo(before));

        given().header("Authorization", AccountsTestSupport.OPERATOR).contentType(ContentType.JSON)
                .body("{\"reason\":\"audit\"}").post("/api/institutions/" + id + "/suspend").then().statusCode(200);
        String suspended = given().header("X-Vigie-Service-Key", KEY).header("If-None-Match", before)
                .get("/internal/institutions/version").then().statusCode(200).extract().header("ETag");
        assertNotEquals(before, suspended);

        given().header("Authorization", AccountsTestSupport.OPERATOR).contentType(ContentType.JSON)
                .body("{\"reason\":\"done\"}").post("/api/institutions/" + id + "/reactivate").then().statusCode(200);
        given().header("X-Vigie-Service-Key", KEY).header("If-None-Match", suspended).get("/internal/institutions/version")
                .then().statusCode(200);
    }

    @Test
    void aSuspensionMadeOnAnotherReplicaIsSeenHereBeforeTheSnapshotExpires() throws Exception {
        AccountsTestSupport.ensureInstitution("minreplica");
        directory.reloadNow();
        long loaded = System.nanoTime();
        assertTrue(!directory.suspendedNow().contains("minreplica"));

        setStatusOnAnotherReplica("minreplica", "SUSPENDED");
        // the snapshot is younger than its maximum age throughout: only the announcement can make it reload
        long deadline = loaded + InstitutionDirectory.DEFAULT_MAX_AGE.minus(Duration.ofSeconds(3)).toNanos();
        while (!directory.suspendedNow().contains("minreplica") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(directory.suspendedNow().contains("minreplica"), "the other replica's suspension was not seen");

        setStatusOnAnotherReplica("minreplica", "ACTIVE");
        directory.reloadNow();
    }

    /** What another accounts-service replica does when it changes a status: the update and its announcement, one transaction. */
    private void setStatusOnAnotherReplica(String slug, String status) throws Exception {
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement statement = otherReplica.prepareStatement(
                    "UPDATE institution SET status = ?, updated_at = now() WHERE slug = ?")) {
                statement.setString(1, status);
                statement.setString(2, slug);
                statement.executeUpdate();
            }
            ClusterChanges.announce(otherReplica, InstitutionChanges.TOPIC, ClusterChanges.ALL);
            otherReplica.commit();
        }
    }
}
