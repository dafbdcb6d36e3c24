package cm.vigie.plan.audit;

import static cm.vigie.plan.PlanTestSupport.CM;
import static cm.vigie.plan.PlanTestSupport.idFrom;
import static cm.vigie.plan.PlanTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The database itself refuses to change or remove audit rows, whoever connects. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class AuditImmutabilityTest {

    @Inject
    DataSource dataSource;

    @Test
    void updatesDeletesAndTruncatesOfAuditRowsAreRefused() throws SQLException {
        String id = idFrom(post(CM, "/api/plans/communication-plans", """
                {"title":"Audit","periodStart":"2027-01-01","periodEnd":"2027-01-31"}"""));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String change : new String[] {
                    "UPDATE audit_event SET actor = 'someone-else' WHERE target_id = '" + id + "'",
                    "DELETE FROM audit_event WHERE target_id = '" + id + "'",
                    "UPDATE audit_change SET after = NULL",
                    "DELETE FROM audit_change",
                    "TRUNCATE audit_event CASCADE" }) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.executeUpdate(change), change);
                assertTrue(refused.getMessage().contains("immutable"), refused.getMessage());
            }
            try (ResultSet rows = sql.executeQuery("SELECT actor FROM audit_event WHERE target_id = '" + id + "'")) {
                assertTrue(rows.next());
                assertEquals("cm", rows.getString(1));
            }
        }
    }
}
