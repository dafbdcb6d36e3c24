package cm.vigie.commons.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PermissionTableTest {

    @Test
    void readsTheRowsOfTheTable() {
        PermissionTable table = PermissionTable.parse("""
                | operationId | endpoint | platform-admin | institution-admin | community-manager | analyst | approver | viewer |
                |---|---|---|---|---|---|---|---|
                | updateWatchlist | `PUT /api/watch/watchlists/{id}` | · | ✓ | ✓ | · | · | · |
                Some prose | with a bar.
                """);
        assertEquals(1, table.rows().size());
        PermissionTable.Row row = table.row("updateWatchlist").orElseThrow();
        assertEquals("PUT", row.method());
        assertEquals("/api/watch/watchlists/{id}", row.path());
        assertEquals(List.of("institution-admin", "community-manager"), row.roles());
    }

    @Test
    void theBuildBundlesDocsPermissions() {
        PermissionTable table = PermissionTable.bundled();
        assertTrue(table.rows().size() > 100, "rows: " + table.rows().size());
        assertEquals(List.of("platform-admin"), table.row("createInstitution").orElseThrow().roles());
    }
}
