package cm.vigie.benchmarks.startup;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the suite started, closed in reverse order (services before PostgreSQL) by the suite or by the shutdown hook
 * on Ctrl-C, whichever comes first; each thing is closed once.
 */
final class Closer implements AutoCloseable {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T add(T closeable) {
        open.push(closeable);
        return closeable;
    }

    /** Closes one thing now (e.g. a service run that is over). */
    void closeNow(AutoCloseable closeable) throws Exception {
        boolean mine;
        synchronized (this) {
            mine = open.remove(closeable);
        }
        if (mine) {
            closeable.close();
        }
    }

    @Override
    public void close() {
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = open.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("benchmarks: could not stop " + next + ": " + e.getMessage());
            }
        }
    }
}
