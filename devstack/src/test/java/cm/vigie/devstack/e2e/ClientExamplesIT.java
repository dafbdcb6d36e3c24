package cm.vigie.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cm.vigie.client.ApiClient;
import cm.vigie.client.ApiException;
import cm.vigie.client.api.AlertsApi;
import cm.vigie.client.api.ExercisesApi;
import cm.vigie.client.model.Exercise;
import cm.vigie.client.model.ExerciseFalseAlarm;
import cm.vigie.client.model.ExerciseStartRequest;
import cm.vigie.client.model.ExerciseStatus;
import cm.vigie.devstack.Stack;
import cm.vigie.examples.Quickstart;

/**
 * The published clients' examples (api-clients/src/examples), run against the real stack as a front-end team would run
 * them: the Java quickstart called directly; the TypeScript quickstart copied to a temporary folder, given the packed
 * npm package {@code vigie-api-client-<version>.tgz} (installed offline, from the tarball alone), compiled with tsc and
 * run with node. Each one signs in, creates a watchlist, ingests a mention, receives its alert on the live stream,
 * reads the exercise's debrief, and deletes what it created.
 */
class ClientExamplesIT {

    private static final Duration NODE_WAIT = Duration.ofMinutes(3);

    private static EndToEndStack running;
    private static Stack stack;

    @BeforeAll
    static void bootTheStack() {
        running = EndToEndStack.start("client-examples");
        stack = running.stack();
        warmUpExercises();
    }

    /**
     * On a cold, busy machine the first exercise start (plan-service creating the scenario's data in the other
     * services) can outlast the gateway's deadline (504): start and clear one exercise before the examples do.
     */
    private static void warmUpExercises() {
        ExercisesApi admin = new ExercisesApi(client(stack.tokens().passwordGrant("minsante", "admin", "demo")));
        try {
            admin.startExercise(ExercisesApi.APIStartExerciseRequest.newBuilder()
                    .exerciseStartRequest(new ExerciseStartRequest().scenarioId("demo-health-centre").speed(1)).build());
        } catch (ApiException e) {
            System.out.println("[warm-up] exercise start answered " + e.getCode());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                for (Exercise e : admin.listExercises(ExercisesApi.APIListExercisesRequest.newBuilder().size(100).build())
                        .getItems()) {
                    if (e.getStatus() == ExerciseStatus.RUNNING || e.getStatus() == ExerciseStatus.PAUSED) {
                        admin.stopExercise(ExercisesApi.APIStopExerciseRequest.newBuilder().id(e.getId()).build());
                    }
                    admin.deleteExercise(ExercisesApi.APIDeleteExerciseRequest.newBuilder().id(e.getId()).build());
                }
                return;
            } catch (ApiException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not clear the warm-up exercise: " + e.getCode() + " " + e.getResponseBody(), e);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(interrupted);
                }
            }
        }
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.gatewayUrl());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @AfterAll
    static void closeTheStack() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void theJavaQuickstartReceivesItsAlertLiveAndReadsTheDebrief() throws Exception {
        List<String> log = new ArrayList<>();
        Quickstart.Result result = Quickstart.run(stack.gatewayUrl(), stack.keycloakUrl(), "minsante", "admin", "demo",
                line -> {
                    System.out.println("[java example] " + line);
                    log.add(line);
                });

        assertNotNull(result.alertId(), log.toString());
        assertTrue(result.alertEvent().contains(result.watchlistId().toString()), result.alertEvent());
        assertEquals(result.exerciseId(), result.debrief().getExerciseId());
        assertTrue(result.debrief().getFalseAlarms().stream().map(ExerciseFalseAlarm::getAlertId)
                .anyMatch(result.alertId()::equals), "the example's alert is in the debrief: " + result.debrief());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("debrief: score ")), log.toString());
        assertDeleted(result.alertId());
    }

    @Test
    void theTypeScriptQuickstartRunsFromThePackedNpmPackage() throws Exception {
        Path tarball = packedClient();
        Path tsc = EndToEndStack.repoRoot().resolve("api-clients/target/ts-tools/node_modules/.bin/tsc").toAbsolutePath();
        assertTrue(Files.isExecutable(tsc), "tsc installed by the api-clients build: " + tsc);

        Path dir = Files.createTempDirectory("vigie-ts-quickstart");
        try {
            copy(EndToEndStack.repoRoot().resolve("api-clients/src/examples/typescript"), dir);
            run(dir, Map.of(), "npm", "install", "--offline", "--no-audit", "--no-fund", tarball.toString());
            assertTrue(Files.isRegularFile(dir.resolve("node_modules/@vigie/api-client/dist/index.d.ts")),
                    "the package ships its types");
            run(dir, Map.of(), tsc.toString(), "-p", ".");
            String out = run(dir, Map.of("VIGIE_GATEWAY", stack.gatewayUrl(), "VIGIE_KEYCLOAK", stack.keycloakUrl()),
                    "node", "dist/quickstart.js");

            UUID alertId = UUID.fromString(field(out, "alert"));
            String falseAlarms = field(out, "falseAlarms");
            assertTrue(falseAlarms.contains(alertId.toString()), "the example's alert is in the debrief: " + out);
            assertTrue(out.contains("deleted with its data"), out);
            assertDeleted(alertId);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The example deleted its exercise, and the alert went with it. */
    private static void assertDeleted(UUID alertId) {
        ApiClient client = client(stack.tokens().passwordGrant("minsante", "admin", "demo"));
        ApiException gone = assertThrows(ApiException.class, () -> new AlertsApi(client)
                .getWatchAlert(AlertsApi.APIGetWatchAlertRequest.newBuilder().id(alertId).build()));
        assertEquals(404, gone.getCode(), gone.getResponseBody());
    }

    private static Path packedClient() throws IOException {
        Path target = EndToEndStack.repoRoot().resolve("api-clients/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("vigie-api-client-.*\\.tgz")).findFirst()
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new AssertionError("no npm package vigie-api-client-*.tgz in " + target
                            + " (the api-clients build packs it: ./mvnw verify)"));
        }
    }

    /** The value of {@code name=} on a line "RESULT ..." of the example's output. */
    private static String field(String out, String name) {
        Matcher m = Pattern.compile("^RESULT .*\\b" + name + "=(\\S*)", Pattern.MULTILINE).matcher(out);
        if (!m.find()) {
            fail("no " + name + "= in the example's output:\n" + out);
        }
        return m.group(1);
    }

    private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                for (String line : process.inputReader(StandardCharsets.UTF_8).lines().toList()) {
                    System.out.println("[" + Path.of(command[0]).getFileName() + "] " + line);
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (java.io.UncheckedIOException e) {
                // the process was killed
            }
        });
        if (!process.waitFor(NODE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join();
            fail(String.join(" ", command) + " did not end within " + NODE_WAIT + ":\n" + out);
        }
        reader.join();
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + out);
        return out.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path rel = from.relativize(source);
                if (rel.startsWith("node_modules") || rel.startsWith("dist")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
    }
}
