package cm.vigie.devstack.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.Stack;
import cm.vigie.devstack.e2e.EndToEndStack;
import cm.vigie.devstack.e2e.security.Api.Reply;

/**
 * The security suite against the real stack (Keycloak, embedded PostgreSQL, the three services and the gateway,
 * booted once): security headers, token attacks, the tenant-isolation matrix generated from the merged OpenAPI
 * document, the hostile-input corpus, then the leak scans over every answer and every service log line.
 * Reports go to {@code target/isolation-matrix.md}, {@code target/token-attacks.md} and
 * {@code target/hostile-input.md}. See docs/security-testing.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityEndToEndIT {

    private static Stack stack;
    private static EndToEndStack running;
    private static Path target;
    private static Api api;
    private static TokenForge forge;
    private static ForeignIssuer foreign;
    private static OpenApiOperations document;
    private static Permissions permissions;
    private static Fixtures fixtures;
    /** Every token the suite saw or made, to look for in the logs. */
    private static final List<String> secrets = new ArrayList<>();

    @BeforeAll
    static void bootTheStack() throws Exception {
        Path repoRoot = EndToEndStack.repoRoot();
        target = EndToEndStack.target();
        running = EndToEndStack.start("security");
        stack = running.stack();
        api = new Api(stack);
        forge = new TokenForge(api);
        // before any service has fetched minsante's keys, so that they see the forge's key from the start
        forge.trustIn(Fixtures.A);
        foreign = new ForeignIssuer();
        Reply openapi = api.call(stack.gatewayUrl(), "GET", "/openapi", null, null);
        assertEquals(200, openapi.status(), openapi.toString());
        assertTrue(openapi.json().path("x-vigie-missing-services").isMissingNode(), "a service is missing from /openapi");
        document = new OpenApiOperations(openapi.json());
        permissions = new Permissions(repoRoot.resolve("docs/permissions.md"));
        fixtures = new Fixtures(api, document, permissions);
    }

    @AfterAll
    static void closeTheStack() {
        if (foreign != null) {
            foreign.close();
        }
        if (running != null) {
            running.close();
        }
    }

    private static Path report(String name, String content) throws IOException {
        Files.createDirectories(target);
        Path file = target.resolve(name);
        Files.writeString(file, content);
        System.out.println("[security] report: " + file.toAbsolutePath());
        return file;
    }

    // ------------------------------------------------------------------------------------------------ headers

    @Test
    @Order(1)
    void everyAnswerCarriesNosniffAndNoServerVersionAndNoHstsOverPlainHttp() {
        String viewer = api.token(Fixtures.A, "viewer");
        List<Reply> replies = new ArrayList<>();
        String gateway = stack.gatewayUrl();
        replies.add(api.call(gateway, "GET", "/openapi", null, null));
        replies.add(api.call(gateway, "GET", "/q/swagger-ui/", null, null));
        replies.add(api.call(gateway, "GET", "/q/health/ready", null, null));
        replies.add(api.call(gateway, "GET", "/api/accounts/official", null, null));
        replies.add(api.call(gateway, "GET", "/api/accounts/official", viewer, null));
        replies.add(api.call(gateway, "GET", "/api/nothing-here", viewer, null));
        replies.add(api.call(gateway, "GET", "/nothing-here", null, null));
        replies.add(api.call(gateway, "POST", "/api/watch/watchlists/validate", api.token(Fixtures.A, "analyst"), "{\"query\":\"(\"}"));
        for (ServiceModule service : List.of(ServiceModule.ACCOUNTS, ServiceModule.WATCH, ServiceModule.PLAN)) {
            String base = stack.serviceUrl(service);
            String me = switch (service) {
                case ACCOUNTS -> "/api/accounts/me";
                case WATCH -> "/api/watch/me";
                default -> "/api/plans/me";
            };
            replies.add(api.call(base, "GET", me, viewer, null));
            replies.add(api.call(base, "GET", me, null, null));
            replies.add(api.call(base, "GET", "/q/openapi", null, null));
            replies.add(api.call(base, "GET", "/q/health/ready", null, null));
            replies.add(api.call(base, "GET", "/no/such/path", null, null));
            replies.add(api.call(base, "POST", me, viewer, "{"));
        }
        List<String> failures = new ArrayList<>();
        for (Reply reply : replies) {
            List<String> nosniff = reply.headers().allValues("X-Content-Type-Options");
            if (!nosniff.equals(List.of("nosniff"))) {
                failures.add("X-Content-Type-Options " + nosniff + " on " + reply.method() + " " + reply.url() + " (" + reply.status() + ")");
            }
            reply.headers().firstValue("Server").ifPresent(server -> failures.add("Server: " + server + " on " + reply.url()));
            reply.headers().firstValue("Strict-Transport-Security")
                    .ifPresent(hsts -> failures.add("HSTS over plain HTTP on " + reply.url()));
            reply.headers().firstValue("X-Powered-By").ifPresent(p -> failures.add("X-Powered-By: " + p + " on " + reply.url()));
        }
        assertEquals(List.of(), failures, replies.size() + " answers checked");
    }

    // ------------------------------------------------------------------------------------------------ tokens

    @Test
    @Order(2)
    void hostileTokensAreRefusedWith401EverywhereAndNoForeignIssuerIsCalled() throws Exception {
        TokenAttacks attacks = new TokenAttacks(api, forge, foreign);
        String control = attacks.control();
        secrets.add(control);
        for (String where : List.of("/api/accounts/me", "/api/watch/me", "/api/plans/me")) {
            Reply accepted = api.call(stack.gatewayUrl(), "GET", where, control, null);
            assertEquals(200, accepted.status(), "the forge's well-formed token must be accepted (control): " + accepted);
        }
        Map<String, String> tokens = attacks.attacks();
        tokens.values().stream().filter(t -> t != null && t.startsWith("Bearer ") && t.length() > 20)
                .map(t -> t.substring(7)).forEach(secrets::add);
        attacks.run(tokens, Set.of(401));
        report("token-attacks.md", attacks.report());
        List<String> failures = attacks.outcomes.stream().filter(o -> o.failure() != null)
                .map(o -> o.attack() + " @ " + o.target() + ": " + o.failure()).toList();
        assertEquals(List.of(), failures, tokens.size() + " attacks x " + attacks.targetNames().size() + " targets");
        assertEquals(List.of(), attacks.foreignHits(), "calls to the foreign issuer");
        System.out.printf("[security] token attacks: %d attacks x %d targets, all 401; foreign issuer hits: %d%n",
                tokens.size(), attacks.targetNames().size(), attacks.hitsOnForeignIssuer());
    }

    @Test
    @Order(3)
    void aSuspendedInstitutionsTokenIsRefusedWith403EverywhereWithinAMinute() throws Exception {
        String operator = api.token("platform", "operator");
        String mincomId = null;
        for (JsonNode item : api.call(stack.gatewayUrl(), "GET", "/api/institutions?size=100", operator, null).json().path("items")) {
            if (Fixtures.B.equals(item.path("slug").asText())) {
                mincomId = item.path("id").asText();
            }
        }
        assertTrue(mincomId != null, "mincom registered");
        String mincom = api.token(Fixtures.B, "cm");
        TokenAttacks attacks = new TokenAttacks(api, forge, foreign);
        Reply suspended = api.call(stack.gatewayUrl(), "POST", "/api/institutions/" + mincomId + "/suspend", operator,
                "{\"reason\":\"security suite\"}");
        assertEquals(200, suspended.status(), suspended.toString());
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
            do {
                attacks.outcomes.clear();
                attacks.run(Map.of("suspended institution's token", "Bearer " + mincom), Set.of(403));
                if (attacks.outcomes.stream().allMatch(o -> o.failure() == null)) {
                    break;
                }
                Api.sleep(2000);
            } while (System.nanoTime() < deadline);
            assertEquals(List.of(), attacks.outcomes.stream().filter(o -> o.failure() != null).toList());
            Files.writeString(target.resolve("token-attacks.md"), attacks.report().replace("# Token attacks\n", ""),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } finally {
            Reply back = api.call(stack.gatewayUrl(), "POST", "/api/institutions/" + mincomId + "/reactivate", operator,
                    "{\"reason\":\"security suite over\"}");
            assertEquals(200, back.status(), back.toString());
        }
        // the matrix needs mincom again: wait until every service lets it in
        long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
        TokenAttacks again = new TokenAttacks(api, forge, foreign);
        do {
            again.outcomes.clear();
            again.run(Map.of("reactivated", "Bearer " + mincom), Set.of(200));
            if (again.outcomes.stream().allMatch(o -> o.status() == 200)) {
                return;
            }
            Api.sleep(2000);
        } while (System.nanoTime() < deadline);
        fail("mincom not let back in: " + again.outcomes);
    }

    // ------------------------------------------------------------------------------------------------ isolation

    @Test
    @Order(4)
    void everyOperationWithAnIdAnswers404ToAnotherInstitutionAnd403ToTheViewerAndChangesNothing() throws Exception {
        IsolationMatrix matrix = new IsolationMatrix(api, document, permissions, fixtures);
        List<IsolationMatrix.Row> rows = matrix.run();
        Path file = matrix.write(target);
        System.out.println("[security] isolation matrix: " + file.toAbsolutePath());
        long calls = rows.size() + rows.stream().filter(r -> r.viewerActual() != null).count();
        System.out.printf("[security] isolation matrix: %d operations with an id, %d calls%n", rows.size(), calls);
        assertTrue(rows.size() >= 50, "the document lists " + rows.size() + " operations with an id");
        assertEquals(List.of(), rows.stream().filter(r -> !r.ok()).map(r -> r.operation() + ": " + r.failure()).toList());
    }

    // ------------------------------------------------------------------------------------------------ hostile input

    @Test
    @Order(5)
    void hostileBodiesGet4xxProblemsAndStoreNothing() throws Exception {
        HostileInput hostile = new HostileInput(api, document, permissions, fixtures);
        // fixtures first, so that the counts do not move because of them
        document.all().stream().filter(op -> op.jsonBody() && op.takesId()).forEach(op -> {
            try {
                fixtures.pathValues(op);
            } catch (AssertionError e) {
                // reported by the run as a failed case
            }
        });
        Map<String, Long> before = hostile.counts();
        long start = System.nanoTime();
        hostile.run();
        // 10 MB: each service and the gateway refuse it with 413 problem+json, reading no further than their limit
        byte[] tenMegabytes = hostile.tenMegabytes();
        List<String> failures = new ArrayList<>();
        Map<String, String> bigTargets = Map.of(
                stack.gatewayUrl(), "/api/watch/watchlists",
                stack.serviceUrl(ServiceModule.ACCOUNTS), "/api/accounts/official",
                stack.serviceUrl(ServiceModule.WATCH), "/api/watch/watchlists",
                stack.serviceUrl(ServiceModule.PLAN), "/api/plans/risk-dates");
        bigTargets.forEach((base, path) -> {
            Reply reply = api.send(base, "POST", path, api.token(Fixtures.A, "cm"),
                    HttpRequest.BodyPublishers.ofByteArray(tenMegabytes), "application/json", Map.of(), true);
            if (reply.status() != 413 || !reply.isProblem()) {
                failures.add("10 MB body on " + base + path + ": " + reply + " " + reply.contentType());
            }
        });
        Map<String, Long> after = hostile.counts();
        before.forEach((collection, count) -> {
            long expected = count + hostile.acceptedCreations.getOrDefault(collection, 0);
            if (after.getOrDefault(collection, -1L) != expected) {
                failures.add(collection + " holds " + after.get(collection) + " objects, expected " + expected);
            }
        });
        hostile.cases.stream().filter(c -> c.failure() != null)
                .map(c -> c.operation() + " / " + c.kind() + ": " + c.failure() + " <- " + c.reply())
                .forEach(failures::add);
        StringBuilder md = new StringBuilder("# Hostile input\n\n| operation | case | status | problem+json | verdict |\n|---|---|---|---|---|\n");
        for (HostileInput.Case c : hostile.cases) {
            md.append("| ").append(c.operation().operationId()).append(" | ").append(c.kind().replace('|', '/')).append(" | ")
                    .append(c.reply() == null ? "-" : c.reply().status()).append(" | ")
                    .append(c.reply() != null && c.reply().isProblem() ? "yes" : "no").append(" | ")
                    .append(c.failure() == null ? "ok" : "FAIL: " + c.failure().replace('|', '/')).append(" |\n");
        }
        md.append("\n").append(hostile.cases.size()).append(" cases over ")
                .append(hostile.cases.stream().map(c -> c.operation().operationId()).distinct().count())
                .append(" operations, plus the 10 MB body on ").append(bigTargets.size()).append(" servers; counts before ")
                .append(before).append(", after ").append(after).append('\n');
        report("hostile-input.md", md.toString());
        System.out.printf("[security] hostile input: %d cases in %.1f s%n", hostile.cases.size(), (System.nanoTime() - start) / 1e9);
        assertTrue(hostile.cases.size() > 200, hostile.cases.size() + " cases");
        assertEquals(List.of(), failures);
    }

    // ------------------------------------------------------------------------------------------------ leaks

    @Test
    @Order(6)
    void noAnswerContainsAStackTraceSqlOrAJavaClassName() {
        List<String> findings = Leaks.scan(api.corpus);
        System.out.printf("[security] leak scan: %d answers%n", api.corpus.size());
        assertEquals(List.of(), findings.stream().limit(20).toList(), findings.size() + " findings");
    }

    @Test
    @Order(7)
    void noServiceLogLineContainsATokenOrAWebhookSecret() throws IOException {
        Pattern jwt = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");
        List<String> needles = new ArrayList<>(secrets);
        needles.add(fixtures.webhookSecret);
        needles.addAll(api.issuedTokens());
        needles.addAll(fixtures.secrets());
        List<String> findings = new ArrayList<>();
        long lines = 0;
        for (ServiceModule service : ServiceModule.values()) {
            String component = service.module();
            Path log = stack.options().logFile(component);
            if (!Files.exists(log)) {
                findings.add("no log " + log);
                continue;
            }
            try (Stream<String> stream = Files.lines(log)) {
                for (String line : (Iterable<String>) stream::iterator) {
                    lines++;
                    if (jwt.matcher(line).find()) {
                        findings.add(component + ": a JWT in: " + line.substring(0, Math.min(300, line.length())));
                    }
                    for (String needle : needles) {
                        if (needle.length() > 12 && line.contains(needle.length() > 40 ? needle.substring(needle.length() - 40) : needle)) {
                            findings.add(component + ": a secret in: " + line.substring(0, Math.min(300, line.length())));
                        }
                    }
                }
            }
        }
        System.out.printf("[security] log scan: %d lines, %d secrets looked for%n", lines, needles.size());
        assertTrue(lines > 0, "service logs captured");
        assertFalse(needles.isEmpty());
        assertEquals(List.of(), findings.stream().limit(20).collect(Collectors.toList()), findings.size() + " findings");
    }
}
