package cm.vigie.devstack.e2e.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code docs/permissions.md}: the roles allowed on each operation, by operationId. */
final class Permissions {

    static final List<String> ROLES = List.of("platform-admin", "institution-admin", "community-manager", "analyst",
            "approver", "viewer");
    /** Demo user per institution role, as in the devstack realms. */
    static final Map<String, String> USER = Map.of("institution-admin", "admin", "community-manager", "cm",
            "analyst", "analyst", "approver", "approver", "viewer", "viewer");

    private final Map<String, Set<String>> allowed = new HashMap<>();

    Permissions(Path file) throws IOException {
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split("\\|");
            if (cells.length < 9 || !cells[2].contains("`")) {
                continue;
            }
            Set<String> roles = new LinkedHashSet<>();
            for (int i = 0; i < ROLES.size(); i++) {
                if (cells[3 + i].contains("✓")) {
                    roles.add(ROLES.get(i));
                }
            }
            allowed.put(cells[1].strip(), roles);
        }
    }

    boolean has(String operationId) {
        return allowed.containsKey(operationId);
    }

    Set<String> allowed(String operationId) {
        Set<String> roles = allowed.get(operationId);
        if (roles == null) {
            throw new AssertionError(operationId + " has no row in docs/permissions.md");
        }
        return roles;
    }

    /** The most capable institution role allowed on the operation, or null when only operators may call it. */
    String institutionRole(String operationId) {
        return ROLES.stream().skip(1).filter(allowed(operationId)::contains).findFirst().orElse(null);
    }
}
