package cm.vigie.commons.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;

/**
 * Walks {@code docs/permissions.md}: calls every operation of a service with a token of every role and checks
 * that refused roles get 403 and allowed ones get past the role check.
 */
public final class PermissionMatrix {

    public static final List<String> ROLES = List.of("platform-admin", "institution-admin", "community-manager", "analyst",
            "approver", "viewer");

    public record Row(String operationId, String method, String path, List<Boolean> allowed) {
    }

    private PermissionMatrix() {
    }

    public static List<Row> rows(String pathPrefix) throws IOException {
        Path doc = Path.of("..", "docs", "permissions.md");
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(doc)) {
            String[] cells = line.split("\\|");
            if (cells.length < 9 || !cells[2].contains("`")) {
                continue;
            }
            String[] endpoint = cells[2].replace("`", "").trim().split(" ");
            if (!endpoint[1].startsWith(pathPrefix)) {
                continue;
            }
            List<Boolean> allowed = new ArrayList<>();
            for (int i = 3; i < 3 + ROLES.size(); i++) {
                allowed.add(cells[i].trim().equals("✓"));
            }
            rows.add(new Row(cells[1].trim(), endpoint[0], endpoint[1], allowed));
        }
        assertFalse(rows.isEmpty(), "no rows for " + pathPrefix + " in docs/permissions.md");
        return rows;
    }

    /** Calls every row as every role; institution roles come from {@code institutionRealm}. */
    public static void walk(String pathPrefix, String institutionRealm) throws IOException {
        for (Row row : rows(pathPrefix)) {
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                String realm = role.equals("platform-admin") ? "platform" : institutionRealm;
                int status = given().header("Authorization", TestTokens.bearer(realm, "matrix-" + role, role))
                        .contentType(ContentType.JSON).body("{}")
                        .request(row.method(), row.path().replace("{id}", UUID.randomUUID().toString()))
                        .statusCode();
                String call = row.operationId() + " as " + role;
                if (row.allowed().get(i)) {
                    assertNotEquals(403, status, call + " must be allowed");
                    assertNotEquals(401, status, call + " must be authenticated");
                    assertTrue(status < 500, call + " answered " + status);
                } else {
                    assertEquals(403, status, call + " must be refused");
                }
            }
        }
    }
}
