package cm.vigie.commons.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure caused by the database being unreachable (stopped, restarting, connection cut, pool unable to
 * open a connection) from a bug, by walking the cause chain: such a failure is answered 503, not 500.
 */
public final class DatabaseUnavailable {

    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        return find(failure) != null;
    }

    static String describe(Throwable failure) {
        Throwable cause = find(failure);
        return cause == null ? failure.toString() : cause.getClass().getSimpleName()
                + (cause instanceof SQLException sql && sql.getSQLState() != null ? " [" + sql.getSQLState() + "]" : "")
                + ": " + cause.getMessage();
    }

    private static Throwable find(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isUnavailable(t)) {
                return t;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isUnavailable(suppressed)) {
                    return suppressed;
                }
            }
        }
        return null;
    }

    static boolean isUnavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
            if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                return true;
            }
            // Agroal, when no connection could be opened within its acquisition timeout
            String message = sql.getMessage();
            return message != null && message.startsWith("Acquisition timeout while waiting for new connection");
        }
        return false;
    }
}
