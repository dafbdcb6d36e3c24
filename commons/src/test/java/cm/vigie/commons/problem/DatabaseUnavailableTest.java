package cm.vigie.commons.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreUnavailability() {
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException("flush failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException(
                "Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("pool closed")));
        RuntimeException suppressed = new RuntimeException("rollback failed");
        suppressed.addSuppressed(new SQLException("the database system is starting up", "57P03"));
        assertTrue(DatabaseUnavailable.causedBy(suppressed));
    }

    @Test
    void otherFailuresStayBugs() {
        assertFalse(DatabaseUnavailable.causedBy(new NullPointerException()));
        assertFalse(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("syntax error", "42601"))));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("no state")));
    }

    @Test
    void aCyclicChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseUnavailable.causedBy(a));
    }
}
