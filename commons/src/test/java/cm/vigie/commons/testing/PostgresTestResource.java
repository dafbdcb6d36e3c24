package cm.vigie.commons.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for {@code @QuarkusTest}: one embedded server per test JVM, one fresh database per
 * Quarkus application start.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;
    private static int databases;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestResource::stopServer));
            }
            String database = "vigie_test_" + (++databases);
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", database).replace("localhost", "127.0.0.1"),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
    }

    @Override
    public void stop() {
        // the server outlives one application start; it stops with the JVM
    }

    private static synchronized void stopServer() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
