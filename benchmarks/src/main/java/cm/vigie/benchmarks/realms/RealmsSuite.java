package cm.vigie.benchmarks.realms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.faults.Http;
import cm.vigie.benchmarks.faults.LiveStack;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.Stats;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.devstack.KeycloakNode;
import cm.vigie.devstack.KeycloakTokens;
import cm.vigie.devstack.ServiceModule;

/**
 * Onboards institutions one after the other through {@code POST /api/institutions} (the platform operator's token,
 * real Keycloak of {@code ./platform up}) up to {@code --max} (default {@value #DEFAULT_MAX}) realms, and reports as the
 * count grows:
 * <ul>
 * <li>onboarding time per realm (the call that creates the realm from the template and registers it);</li>
 * <li>token time per realm: the first password grant of a new realm, and at each checkpoint the grant of
 * {@value #TOKEN_SAMPLE} realms in use;</li>
 * <li>the first call of the realm's user to each service through the gateway (tenant configuration built, realm keys
 * fetched, institution directory reloaded);</li>
 * <li>at each checkpoint ({@link #CHECKPOINTS}): resident memory, heap after a full GC and the OIDC tenant contexts
 * held by each service; Keycloak's resident memory, heap after a full GC and maximum heap; then Keycloak and every
 * service restarted (time until ready) and the first token and first calls of every realm after the restarts (at
 * the first and the last checkpoint only: a restart of everything takes minutes on two cores).</li>
 * </ul>
 * Onboarding stops early, and the last checkpoint is taken, after {@code -Dvigie.realms.max-minutes}.
 * No target: the curve is the result (issue 17). Keycloak's heap is kc.sh's default unless {@code -Dvigie.keycloak.heap}
 * (benchmarks/run: {@code VIGIE_KEYCLOAK_HEAP}) says otherwise.
 */
public final class RealmsSuite implements Suite {

    static final int DEFAULT_MAX = 500;
    static final int LIMIT = 2_000;
    static final List<Integer> CHECKPOINTS = List.of(1, 50, 100, 200, 300, 400, 500);
    /** Realms whose token is taken again at each checkpoint: the token time of a realm already in use. */
    static final int TOKEN_SAMPLE = 20;
    static final String MINUTES_PROPERTY = "vigie.realms.max-minutes";
    static final String MAX_PROPERTY = "vigie.realms.max";
    static final String FIRST_ADMIN = "chef.bench";
    /** Meets the template's password policy (12 characters, upper, lower, digit). */
    static final String PASSWORD = "Bench-Realm-2026";
    private static final String OPERATOR_REALM = "platform";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FIRST_CALL_PATIENCE = Duration.ofSeconds(30);
    private static final long OPERATOR_TOKEN_REUSE_NANOS = Duration.ofSeconds(60).toNanos();
    private static final Map<ServiceModule, String> CALLER_PATHS = new LinkedHashMap<>();

    static {
        CALLER_PATHS.put(ServiceModule.ACCOUNTS, "/api/accounts/me");
        CALLER_PATHS.put(ServiceModule.WATCH, "/api/watch/me");
        CALLER_PATHS.put(ServiceModule.PLAN, "/api/plans/me");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "realms";
    }

    @Override
    public String description() {
        return "institutions onboarded through POST /api/institutions up to 500 realms on the local Keycloak: onboarding "
                + "and token time per realm, services' and Keycloak's memory, tenant configurations held and restart "
                + "times as the count grows (--max N for a quick run)";
    }

    /** How many institutions to onboard: {@code -Dvigie.realms.max}, else {@value #DEFAULT_MAX}. */
    static int max() {
        String value = System.getProperty(MAX_PROPERTY, "").strip();
        if (value.isEmpty()) {
            return DEFAULT_MAX;
        }
        int max;
        try {
            max = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max must be a whole number, not '" + value + "'");
        }
        if (max < 1 || max > LIMIT) {
            throw new IllegalArgumentException("--max must be between 1 and " + LIMIT + ", not " + max);
        }
        return max;
    }

    /** How long onboarding may go on ({@code -Dvigie.realms.max-minutes}); then the last checkpoint is taken early. */
    static long maxMinutes() {
        String value = System.getProperty(MINUTES_PROPERTY, "").strip();
        if (value.isEmpty()) {
            return 24 * 60;
        }
        try {
            long minutes = Long.parseLong(value);
            if (minutes < 1) {
                throw new NumberFormatException();
            }
            return minutes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-minutes must be a whole number of minutes, not '" + value + "'");
        }
    }

    /** The checkpoints up to {@code max}, and {@code max} itself. */
    static List<Integer> checkpoints(int max) {
        List<Integer> points = new ArrayList<>(CHECKPOINTS.stream().filter(c -> c < max).toList());
        points.add(max);
        return List.copyOf(points);
    }

    /** {@code r0001}...: sorted as the order of onboarding, never a reserved slug. */
    static String slug(int index) {
        return String.format(Locale.ROOT, "r%04d", index);
    }

    /** The figures printed at each checkpoint and kept in the notes. */
    record Checkpoint(int realms, double onboardMedianMs, double tokenMedianMs, Map<String, Double> rssMiB,
                      Map<String, Double> heapMiB, Map<String, Long> tenantContexts, Map<String, Double> restartMs) {
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        int max = max();
        List<Integer> checkpoints = checkpoints(max);
        MetricSamples samples = new MetricSamples();
        List<Checkpoint> curve = new ArrayList<>();
        String heap = System.getProperty(KeycloakNode.HEAP_PROPERTY, "").strip();
        context.note("Keycloak heap: " + (heap.isEmpty() ? "kc.sh's default (-Xms64m -Xmx512m)" : heap)
                + "; Keycloak in start-dev (H2 file database), every service one JVM");
        if (max != DEFAULT_MAX) {
            context.note("a quick run to " + max + " realms (--max)");
        }
        LiveStack stack = null;
        try {
            stack = LiveStack.start(context.repoRoot(), context.runDir(), context.javaHome(), true,
                    context.repoRoot().resolve("benchmarks/target/keycloak"), line -> context.progress("%s", line));
            Run run = new Run(context, stack, samples);
            int done = 0;
            long minutes = maxMinutes();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            for (int checkpoint : checkpoints) {
                String bucket = "realms " + (done + 1) + "-" + checkpoint;
                List<Double> onboard = new ArrayList<>();
                List<Double> tokens = new ArrayList<>();
                boolean last = checkpoint == max;
                for (int index = done + 1; index <= checkpoint; index++) {
                    run.onboard(index, bucket, onboard, tokens);
                    done = index;
                    if (System.nanoTime() > deadline) {
                        context.note(String.format(Locale.ROOT, "onboarding stopped at %d realms: --max-minutes %d "
                                + "reached", index, minutes));
                        last = true;
                        break;
                    }
                    if (index % 25 == 0) {
                        context.progress("%d realms onboarded; last %s onboarding %.0f ms, first token %.0f ms", index,
                                slug(index), onboard.get(onboard.size() - 1), tokens.get(tokens.size() - 1));
                    }
                }
                // restarts at the first and the last checkpoint only: each costs minutes on two cores
                curve.add(run.checkpoint(done, Stats.median(onboard), Stats.median(tokens), curve.isEmpty() || last));
                if (last) {
                    break;
                }
            }
        } catch (SuiteFailure e) {
            notesFor(context, curve);
            throw e;
        } catch (Exception e) {
            notesFor(context, curve);
            throw new SuiteFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), samples.metrics(), e);
        } finally {
            context.progress("stopping the stack");
            if (stack != null) {
                stack.close();
            }
        }
        notesFor(context, curve);
        context.out().println();
        context.out().print(curveTable(curve));
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(), SuiteReport.COMPLETED,
                null, samples.metrics(), List.of(), context.notesSoFar());
    }

    private static void notesFor(SuiteContext context, List<Checkpoint> curve) {
        for (Checkpoint point : curve) {
            context.note(String.format(Locale.ROOT, "at %d realms: onboarding p50 %.0f ms, first token p50 %.0f ms; "
                    + "RSS MiB %s; heap after GC MiB %s; OIDC tenant contexts %s; restart ms %s", point.realms(),
                    point.onboardMedianMs(), point.tokenMedianMs(), rounded(point.rssMiB()), rounded(point.heapMiB()),
                    point.tenantContexts(), rounded(point.restartMs())));
        }
    }

    private static Map<String, Long> rounded(Map<String, Double> values) {
        Map<String, Long> rounded = new LinkedHashMap<>();
        values.forEach((k, v) -> rounded.put(k, Math.round(v)));
        return rounded;
    }

    static final List<String> COMPONENTS = List.of("keycloak", "accounts-service", "watch-service", "plan-service",
            "gateway");

    /** One line per checkpoint: the curve at a glance. */
    static String curveTable(List<Checkpoint> curve) {
        StringBuilder text = new StringBuilder("Curve by realm count (RSS / heap after GC in MiB; restart in s)\n");
        text.append(String.format(Locale.ROOT, "%6s %9s %7s", "realms", "onboard", "token"));
        for (String component : COMPONENTS) {
            text.append(String.format(Locale.ROOT, " %22s", abbreviate(component)));
        }
        text.append('\n');
        for (Checkpoint point : curve) {
            text.append(String.format(Locale.ROOT, "%6d %6.0f ms %4.0f ms", point.realms(), point.onboardMedianMs(),
                    point.tokenMedianMs()));
            for (String component : COMPONENTS) {
                Double restart = point.restartMs().get(component);
                String cell = String.format(Locale.ROOT, "%.0f/%.0f %s%s",
                        point.rssMiB().getOrDefault(component, Double.NaN), point.heapMiB().getOrDefault(component, Double.NaN),
                        point.tenantContexts().containsKey(component) ? point.tenantContexts().get(component) + "t " : "",
                        restart == null ? "-" : String.format(Locale.ROOT, "%.1fs", restart / 1000));
                text.append(String.format(Locale.ROOT, " %22s", cell));
            }
            text.append('\n');
        }
        text.append("(onboard and token: medians of the realms onboarded since the previous line; \"Nt\": OIDC tenant "
                + "contexts held)\n");
        return text.toString();
    }

    private static String abbreviate(String component) {
        return component.replace("-service", "");
    }

    /** The state of one run: the stack, its clients, what was measured. */
    private static final class Run {

        private final SuiteContext context;
        private final LiveStack stack;
        private final MetricSamples samples;
        private final KeycloakAdmin admin;
        private final JvmProbe probe;
        private final List<String> slugs = new ArrayList<>();
        private String operator;
        private long operatorFetched;
        /** First calls refused (then retried) so far: a realm's token refused although its institution is registered. */
        private int refused;
        /** Grants refused by Keycloak's brute-force detection so far, lifted and retried. */
        private int lockouts;

        Run(SuiteContext context, LiveStack stack, MetricSamples samples) {
            this.context = context;
            this.stack = stack;
            this.samples = samples;
            this.admin = new KeycloakAdmin(stack.http(), stack.keycloakUrl());
            this.probe = new JvmProbe(context.javaHome());
        }

        private KeycloakTokens tokens() {
            return new KeycloakTokens(stack.http(), stack.keycloakUrl());
        }

        private String operator() {
            if (operator == null || System.nanoTime() - operatorFetched > OPERATOR_TOKEN_REUSE_NANOS) {
                operator = "Bearer " + tokens().passwordGrant(OPERATOR_REALM, "operator", "demo");
                operatorFetched = System.nanoTime();
            }
            return operator;
        }

        void onboard(int index, String bucket, List<Double> onboard, List<Double> tokenTimes) {
            String slug = slug(index);
            ObjectNode body = JSON.createObjectNode().put("slug", slug)
                    .put("nameFr", "Institution de mesure " + index).put("nameEn", "Benchmark institution " + index)
                    .put("type", "AGENCY").put("emailDomain", slug + ".example.cm");
            body.putObject("firstAdmin").put("username", FIRST_ADMIN).put("email", FIRST_ADMIN + "@" + slug + ".example.cm")
                    .put("firstName", "Chef").put("lastName", "Mesure");
            // Straight to accounts-service: the gateway's read timeout (10 s) is for users' requests, and creating a
            // realm outlasts it on a busy machine (the 504 leaves the realm created all the same).
            Http.Reply created = Http.send(stack.http(), "POST", stack.serviceUrl(ServiceModule.ACCOUNTS) + "/api/institutions", operator(),
                    body.toString(), null, TIMEOUT);
            // 503: Keycloak did not complete the realm in time and accounts-service undid it ("nothing was changed"),
            // which a loaded machine gives now and then; tried again at most twice, and counted
            // (but Keycloak may finish the realm after accounts-service gave up and removed nothing: the retry then
            // answers 409 "exists but is not a registered institution", and the orphan realm is removed as an operator
            // would, before onboarding again)
            for (int retry = 0; created.status() == 503 && retry < 2; retry++) {
                context.note(String.format(Locale.ROOT, "onboarding %s answered 503, tried again: %s", slug,
                        created.body().length() > 160 ? created.body().substring(0, 160) + "..." : created.body()));
                sleep(2_000);
                created = Http.send(stack.http(), "POST", stack.serviceUrl(ServiceModule.ACCOUNTS) + "/api/institutions",
                        operator(), body.toString(), null, TIMEOUT);
                if (created.status() == 409) {
                    context.note(String.format(Locale.ROOT, "after the 503, Keycloak held realm %s all the same with no "
                            + "institution registered (409): the realm was removed and onboarding tried again", slug));
                    admin.removeRealm(slug);
                    created = Http.send(stack.http(), "POST", stack.serviceUrl(ServiceModule.ACCOUNTS)
                            + "/api/institutions", operator(), body.toString(), null, TIMEOUT);
                }
            }
            if (created.status() != 201) {
                throw new SuiteFailure("onboarding institution " + index + " (" + slug + ") answered " + created.status()
                        + ": " + created.body(), samples.metrics());
            }
            slugs.add(slug);
            onboard.add(created.millis());
            samples.add("accounts-service", "onboarding (" + bucket + ")", "ms", created.millis());

            admin.allowPasswordGrant(slug, FIRST_ADMIN, PASSWORD);
            long start = System.nanoTime();
            String bearer = grant(slug);
            double first = (System.nanoTime() - start) / 1e6;
            tokenTimes.add(first);
            samples.add("keycloak", "first token of a new realm (" + bucket + ")", "ms", first);
            for (Map.Entry<ServiceModule, String> path : CALLER_PATHS.entrySet()) {
                samples.add(path.getKey().module(), "first call through the gateway after onboarding (" + bucket + ")",
                        "ms", firstCall(slug, path.getValue(), bearer));
            }
        }

        /**
         * A password grant for the realm's first admin. Keycloak's brute-force detection (on in the realm template)
         * now and then refuses a sign-in that follows another one closely ("user_temporarily_disabled", no failure
         * before it): the lockout is lifted through the admin API and the grant tried again, at most twice, and
         * counted.
         */
        private String grant(String slug) {
            for (int attempt = 0; ; attempt++) {
                try {
                    return "Bearer " + tokens().passwordGrant(slug, FIRST_ADMIN, PASSWORD);
                } catch (RuntimeException refused) {
                    if (attempt == 2) {
                        throw refused;
                    }
                    lockouts++;
                    admin.liftLockout(slug, FIRST_ADMIN);
                    sleep(1_000);
                }
            }
        }

        /** Time until the realm's user gets a 200 from the path, retrying while it is refused (at most 30 s). */
        private double firstCall(String slug, String path, String bearer) {
            long start = System.nanoTime();
            long deadline = start + FIRST_CALL_PATIENCE.toNanos();
            while (true) {
                Http.Reply reply = Http.send(stack.http(), "GET", stack.gatewayUrl() + path, bearer, null, null, TIMEOUT);
                if (reply.status() == 200) {
                    return (System.nanoTime() - start) / 1e6;
                }
                if (System.nanoTime() > deadline) {
                    throw new SuiteFailure("GET " + path + " as the admin of " + slug + " still answered "
                            + reply.status() + " after " + FIRST_CALL_PATIENCE.toSeconds() + " s: " + reply.body(),
                            samples.metrics());
                }
                refused++;
                sleep(200);
            }
        }

        /**
         * Keycloak's realm list as the master admin checks a permission per realm, in one transaction: at 500 realms on
         * a loaded machine it outlived Keycloak's transaction timeout and the answer broke off mid-body. Vigie never lists
         * realms, so a failed list is a note and the last realm onboarded is looked up instead.
         */
        private void countRealms(int realms, String at) {
            try {
                context.progress("checkpoint%s: Keycloak holds %d realms (master, platform and the demo ones included)",
                        at, admin.realmCount());
            } catch (RuntimeException e) {
                String cause = String.valueOf(e.getMessage());
                context.note(String.format(Locale.ROOT, "at %d realms Keycloak's realm list (GET /admin/realms) failed: %s",
                        realms, cause.length() > 160 ? cause.substring(0, 160) + "..." : cause));
                admin.requireRealm(slug(realms));
                context.progress("checkpoint%s: realm %s is in Keycloak", at, slug(realms));
            }
        }

        Checkpoint checkpoint(int realms, double onboardMedian, double tokenMedian, boolean restarts) throws Exception {
            String at = " at " + realms + " realms";
            countRealms(realms, at);
            Map<String, Double> rss = new LinkedHashMap<>();
            Map<String, Double> heap = new LinkedHashMap<>();
            Map<String, Long> contexts = new LinkedHashMap<>();
            Map<String, Double> restart = new LinkedHashMap<>();

            long keycloak = stack.keycloakJavaPid();
            heap.put("keycloak", probe.heapAfterGcMiB(keycloak));
            rss.put("keycloak", probe.rssMiB(keycloak));
            samples.add("keycloak", "heap after full GC" + at, "MiB", heap.get("keycloak"));
            samples.add("keycloak", "RSS" + at, "MiB", rss.get("keycloak"));
            samples.add("keycloak", "max heap" + at, "MiB", probe.maxHeapMiB(keycloak));
            for (ServiceModule service : ServiceModule.values()) {
                long pid = stack.javaPid(service);
                String name = service.module();
                contexts.put(name, probe.liveInstances(pid, JvmProbe.TENANT_CONTEXT_CLASS));
                heap.put(name, probe.heapAfterGcMiB(pid));
                rss.put(name, probe.rssMiB(pid));
                samples.add(name, "OIDC tenant contexts" + at, "count", contexts.get(name));
                samples.add(name, "heap after full GC" + at, "MiB", heap.get(name));
                samples.add(name, "RSS" + at, "MiB", rss.get(name));
            }
            samples.add("gateway", "first calls refused then retried, so far" + at, "count", refused);
            samples.add("keycloak", "sign-ins locked out then retried, so far" + at, "count", lockouts);
            // realms in use for a while (the one just onboarded signed in moments ago): a sign-in's usual time
            for (int i = 0; i < Math.min(TOKEN_SAMPLE, slugs.size() - 1); i++) {
                String slug = slugs.get(i * (slugs.size() - 1) / Math.min(TOKEN_SAMPLE, slugs.size() - 1));
                long start = System.nanoTime();
                grant(slug);
                samples.add("keycloak", "token of a realm in use" + at, "ms", (System.nanoTime() - start) / 1e6);
            }
            context.progress("memory%s: RSS %s MiB, heap after GC %s MiB, tenant contexts %s", at, rounded(rss),
                    rounded(heap), contexts);

            if (!restarts) {
                return new Checkpoint(realms, onboardMedian, tokenMedian, rss, heap, contexts, restart);
            }
            stack.stopKeycloak();
            double keycloakMs = stack.startKeycloak().toNanos() / 1e6;
            restart.put("keycloak", keycloakMs);
            samples.add("keycloak", "restart until ready" + at, "ms", keycloakMs);
            for (ServiceModule service : List.of(ServiceModule.ACCOUNTS, ServiceModule.WATCH, ServiceModule.PLAN,
                    ServiceModule.GATEWAY)) {
                stack.stop(service);
                double ms = stack.restart(service).toNanos() / 1e6;
                restart.put(service.module(), ms);
                samples.add(service.module(), "restart until ready" + at, "ms", ms);
            }
            context.progress("restarts%s (ms): %s; now the first token and calls of every realm", at, rounded(restart));
            for (String slug : slugs) {
                long start = System.nanoTime();
                String bearer = grant(slug);
                samples.add("keycloak", "first token of a realm after restarts" + at, "ms", (System.nanoTime() - start) / 1e6);
                for (Map.Entry<ServiceModule, String> path : CALLER_PATHS.entrySet()) {
                    samples.add(path.getKey().module(), "first call through the gateway after restarts" + at, "ms",
                            firstCall(slug, path.getValue(), bearer));
                }
            }
            return new Checkpoint(realms, onboardMedian, tokenMedian, rss, heap, contexts, restart);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
