package cm.vigie.commons.openapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of {@code docs/permissions.md}, the single source of who may call what: one row per operation
 * ({@code | operationId | `METHOD path` | ✓ or · per role |}). The build bundles a copy of the file in this jar
 * ({@link #RESOURCE}), so the API document's roles ({@code x-vigie-roles}) are generated from the same rows that the
 * services' {@code PermissionMatrixTest} call.
 */
public final class PermissionTable {

    public static final String RESOURCE = "cm/vigie/commons/openapi/permissions.md";
    public static final List<String> ROLES = List.of("platform-admin", "institution-admin", "community-manager",
            "analyst", "approver", "viewer");

    /** One row: the operation, its endpoint as written, and the roles marked ✓ in table order. */
    public record Row(String operationId, String method, String path, List<String> roles) {
    }

    private final Map<String, Row> rows;

    private PermissionTable(Map<String, Row> rows) {
        this.rows = rows;
    }

    /** The copy bundled at build. */
    public static PermissionTable bundled() {
        try (InputStream in = PermissionTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (commons bundles docs/permissions.md)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PermissionTable parse(String markdown) {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(markdown))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split("\\|");
                if (cells.length < 3 + ROLES.size() || !cells[2].contains("`")) {
                    continue;
                }
                String[] endpoint = cells[2].replace("`", "").trim().split(" ");
                List<String> roles = new ArrayList<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    if (cells[3 + i].trim().equals("✓")) {
                        roles.add(ROLES.get(i));
                    }
                }
                String operationId = cells[1].trim();
                rows.put(operationId, new Row(operationId, endpoint[0], endpoint.length > 1 ? endpoint[1] : "",
                        List.copyOf(roles)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PermissionTable(rows);
    }

    public Optional<Row> row(String operationId) {
        return Optional.ofNullable(rows.get(operationId));
    }

    public Map<String, Row> rows() {
        return rows;
    }
}
