package cm.vigie.commons.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Kept apart so that {@link ClusterNotifications} loads where no transaction manager is present. */
final class Transactions {

    private Transactions() {
    }

    static void requireActive() {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException(
                    "ClusterNotifications.publish needs a transaction: a notification goes out only if the change commits");
        }
    }
}
