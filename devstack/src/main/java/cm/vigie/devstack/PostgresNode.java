package cm.vigie.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Embedded PostgreSQL (zonky) on 127.0.0.1 with one database per service. The cluster trusts local
 * connections; user {@code postgres} also gets password {@code postgres} so the services' credentials hold either way.
 */
public final class PostgresNode implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final int port;

    private PostgresNode(EmbeddedPostgres postgres, Path dataDir, int port) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on {@code port} with its cluster in {@code dataDir} (created by initdb when empty; wiped
     * on close when {@code cleanOnClose}) and creates the missing {@code databases}.
     */
    public static PostgresNode start(int port, Path dataDir, boolean cleanOnClose, Path logFile,
                                     List<String> databases) {
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(logFile);
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(cleanOnClose)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start on 127.0.0.1:" + port + ": " + e.getMessage()
                    + "; " + LogTail.describe(logFile, 30), e);
        }
        PostgresNode node = new PostgresNode(postgres, dataDir, port);
        try {
            node.prepare(databases);
        } catch (SQLException | RuntimeException e) {
            node.close();
            throw new StackException("Could not create the databases " + databases + ": " + e.getMessage(), e);
        }
        return node;
    }

    private void prepare(List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
            for (String database : databases) {
                if (!exists(connection, database)) {
                    statement.execute("CREATE DATABASE \"" + database + "\" OWNER " + USER);
                }
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The postmaster's pid, read from {@code postmaster.pid}. */
    public OptionalLong pid() {
        return postmasterPid(dataDir);
    }

    static OptionalLong postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Fast shutdown through pg_ctl; waits for the postmaster to exit. */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = pid().isPresent() ? ProcessHandle.of(pid().getAsLong()) : Optional.empty();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StackException("Could not stop PostgreSQL: " + e.getMessage(), e);
        }
        // pg_ctl returns once postmaster.pid is gone, a moment before the process itself.
        postmaster.ifPresent(process -> {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new StackException("PostgreSQL (pid " + process.pid() + ") still runs after pg_ctl stop");
            }
        });
    }
}
