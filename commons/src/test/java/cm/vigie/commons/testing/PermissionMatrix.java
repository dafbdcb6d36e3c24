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
 * that refused roles get 403 and allowed ones get past the role check. It also proves, on every row, that roles count
 * only in the realm they belong to and only for Vigie's clients:
 * <ul>
 * <li>an operation only {@code platform-admin} may call refuses (403) a token of an institution realm that carries
 * {@code platform-admin} beside every institution role (a role any realm administrator can create);</li>
 * <li>an operation no operator may call refuses (403) a token of realm {@code platform} carrying every institution
 * role;</li>
 * <li>a token issued to another client of the realm ({@code admin-cli}) carrying every role answers 401 (except on
 * public operations, which never read a token).</li>
 * </ul>
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
        String[] institutionRoles = ROLES.subList(1, ROLES.size()).toArray(String[]::new);
        String[] allRoles = ROLES.toArray(String[]::new);
        for (Row row : rows(pathPrefix)) {
            boolean operatorsOnly = row.allowed().get(0) && !row.allowed().subList(1, ROLES.size()).contains(true);
            if (operatorsOnly) {
                int status = call(row, "Bearer " + TestTokens.realm(institutionRealm).user("matrix-self-made-operator")
                        .roles(allRoles).sign());
                assertEquals(403, status, row.operationId() + " with platform-admin from realm " + institutionRealm
                        + " must be refused");
            }
            if (!row.allowed().get(0) && row.allowed().contains(true)) {
                int status = call(row, "Bearer " + TestTokens.realm("platform").user("matrix-operator-as-institution")
                        .roles(institutionRoles).sign());
                assertEquals(403, status, row.operationId() + " with institution roles from realm platform must be refused");
            }
            if (!row.path().startsWith("/api/public/")) { // public operations never look at a token
                int foreign = call(row, "Bearer " + TestTokens.realm(row.allowed().get(0) ? "platform" : institutionRealm)
                        .user("matrix-admin-cli").client("admin-cli").roles(allRoles).sign());
                assertEquals(401, foreign, row.operationId() + " with a token of client admin-cli must be unauthenticated");
            }
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                String realm = role.equals("platform-admin") ? "platform" : institutionRealm;
                int status = call(row, TestTokens.bearer(realm, "matrix-" + role, role));
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

    private static int call(Row row, String authorization) {
        return given().header("Authorization", authorization)
                .contentType(ContentType.JSON).body("{}")
                .request(row.method(), row.path().replace("{id}", UUID.randomUUID().toString()))
                .statusCode();
    }
}
