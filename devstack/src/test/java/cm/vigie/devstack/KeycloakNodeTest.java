package cm.vigie.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakNodeTest {

    @TempDir
    Path dir;

    @Test
    void installUnzipsOnceAndMakesTheScriptsExecutable() throws IOException {
        Path zip = dir.resolve("keycloak-quarkus-dist-1.2.3.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "keycloak-1.2.3/", null);
            entry(out, "keycloak-1.2.3/bin/kc.sh", "#!/bin/sh\necho kc\n");
            entry(out, "keycloak-1.2.3/bin/kc.bat", "echo kc");
            entry(out, "keycloak-1.2.3/lib/quarkus-run.jar", "jar");
        }
        Path base = dir.resolve("kc");
        Path home = KeycloakNode.install(zip, base, "1.2.3");

        assertEquals(base.resolve("keycloak-1.2.3"), home);
        assertTrue(Files.isExecutable(home.resolve("bin/kc.sh")));
        assertFalse(Files.isExecutable(home.resolve("bin/kc.bat")));
        assertEquals("jar", Files.readString(home.resolve("lib/quarkus-run.jar")));
        try (var children = Files.list(base)) {
            assertEquals(1, children.count(), "no staging directory left");
        }

        Files.delete(zip);
        assertEquals(home, KeycloakNode.install(zip, base, "1.2.3"), "an installed Keycloak is not unzipped again");
    }

    @Test
    void refusesZipEntriesOutsideTheTarget() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "../escaped.txt", "x");
        }
        assertThrows(IOException.class, () -> KeycloakNode.unzip(zip, dir.resolve("target")));
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
    }

    @Test
    void missingDistributionSaysHowToGetIt() {
        StackException failure = assertThrows(StackException.class,
                () -> KeycloakNode.install(dir.resolve("none.zip"), dir.resolve("kc"), "9.9.9"));
        assertTrue(failure.getMessage().contains("./mvnw"), failure.getMessage());
    }

    @Test
    void copyRealmsReplacesTheImportDirectoryContent() throws IOException {
        Path imports = dir.resolve("data/import");
        Files.createDirectories(imports);
        Files.writeString(imports.resolve("stale-realm.json"), "{}");
        KeycloakNode.copyRealms(imports);
        try (var files = Files.list(imports)) {
            assertEquals(java.util.Set.of("platform-realm.json", "minsante-realm.json", "mincom-realm.json"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        if (content != null) {
            OutputStream stream = out;
            stream.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
