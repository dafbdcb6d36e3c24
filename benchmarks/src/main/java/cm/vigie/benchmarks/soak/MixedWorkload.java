package cm.vigie.benchmarks.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import cm.vigie.benchmarks.faults.Http;
import cm.vigie.benchmarks.faults.Latencies;
import cm.vigie.benchmarks.faults.LiveStack;
import cm.vigie.benchmarks.ingest.SyntheticMentions;

/**
 * The soak's mix, all through the gateway as a community manager of one institution: 70 % list and search reads
 * across the three services, 20 % ingest batches of {@value #BATCH} mentions, 10 % writes (a new communication plan
 * in plan-service, or an official account updated with If-Match in accounts-service). Writes keep the data that the
 * services hold in memory (official accounts, watchlists) the same size, so that heap growth means a leak, not more
 * data.
 */
public final class MixedWorkload {

    public enum Kind { READ, INGEST, WRITE }

    static final int BATCH = 20;
    static final int ACCOUNTS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> READS = List.of(
            "/api/accounts/official?size=20",
            "/api/accounts/persons?size=20",
            "/api/watch/mentions?size=20",
            "/api/watch/mentions?size=20&q=vaccin",
            "/api/watch/mentions?size=20&platform=FACEBOOK&sort=likes,desc",
            "/api/watch/alerts?size=20",
            "/api/watch/watchlists",
            "/api/plans/communication-plans?size=20");

    /** One account the writes take turns on: its id, body and current ETag. */
    private record Account(String id, String handle, String etag) {
    }

    /** Counts and latencies per kind. */
    public static final class Tally {
        final Map<Kind, Latencies> latencies = new EnumMap<>(Kind.class);
        final Map<Kind, AtomicLongArray> byClass = new EnumMap<>(Kind.class); // index: -1 -> 0, 1xx..5xx -> 1..5
        final List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());

        Tally() {
            for (Kind kind : Kind.values()) {
                latencies.put(kind, new Latencies());
                byClass.put(kind, new AtomicLongArray(6));
            }
        }

        void add(Kind kind, Http.Reply reply, String what) {
            latencies.get(kind).add(reply.millis());
            int index = reply.status() < 0 ? 0 : Math.min(5, reply.status() / 100);
            byClass.get(kind).incrementAndGet(index);
            if ((reply.status() >= 500 || reply.status() < 0) && serverErrors.size() < 20) {
                serverErrors.add(what + " -> " + reply.status() + " " + reply.body().substring(0, Math.min(300, reply.body().length())));
            }
        }

        public long count(Kind kind) {
            return latencies.get(kind).count();
        }

        public long total() {
            long total = 0;
            for (Kind kind : Kind.values()) {
                total += count(kind);
            }
            return total;
        }

        /** Answers with this status class (2 for 2xx... 5 for 5xx; 0 for no answer). */
        public long statusClass(Kind kind, int hundreds) {
            return byClass.get(kind).get(hundreds);
        }

        public long serverErrors() {
            long n = 0;
            for (Kind kind : Kind.values()) {
                n += statusClass(kind, 5) + statusClass(kind, 0);
            }
            return n;
        }

        public long clientErrors() {
            long n = 0;
            for (Kind kind : Kind.values()) {
                n += statusClass(kind, 4);
            }
            return n;
        }

        public double percentile(Kind kind, double p) {
            return latencies.get(kind).percentile(p);
        }

        public List<String> serverErrorSamples() {
            return List.copyOf(serverErrors);
        }
    }

    private final LiveStack stack;
    private final String gateway;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final ConcurrentLinkedQueue<Account> accounts = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ThreadLocal<SyntheticMentions> generators = ThreadLocal.withInitial(
            () -> new SyntheticMentions(Thread.currentThread().threadId()));

    public MixedWorkload(LiveStack stack) {
        this.stack = stack;
        this.gateway = stack.gatewayUrl();
    }

    /** Creates what the reads list and the writes update: official accounts, watchlists, plans, some mentions. */
    public void seed() {
        for (int i = 0; i < ACCOUNTS; i++) {
            String handle = "soak_" + run + "_" + i;
            Http.Reply created = send("POST", "/api/accounts/official", accountBody(handle, 0), null, null);
            expect(created, 201, "creating an official account");
            accounts.add(new Account(idOf(created.body()), handle, created.etag()));
        }
        List<String> terms = SyntheticMentions.queryTerms();
        for (int i = 0; i < 5; i++) {
            expect(send("POST", "/api/watch/watchlists", "{\"name\":\"soak " + i + "\",\"query\":\"" + terms.get(i)
                    + " OR " + terms.get(i + 5) + "\",\"languages\":[],\"platforms\":[],\"severity\":\"MEDIUM\"}", null, null),
                    201, "creating a watchlist");
        }
        for (int i = 0; i < 5; i++) {
            expect(send("POST", "/api/plans/communication-plans", planBody(), null, null), 201, "creating a plan");
            expect(send("POST", "/api/watch/mentions/batch", batchBody(), "soak-" + run + "-seed-" + i, null), 202,
                    "ingesting a batch");
        }
    }

    /** Runs one operation drawn with the mix's weights; returns its kind. */
    public Kind runOne(SplittableRandom random, Tally tally) {
        int roll = random.nextInt(100);
        Kind kind = roll < 70 ? Kind.READ : roll < 90 ? Kind.INGEST : Kind.WRITE;
        switch (kind) {
            case READ -> {
                String path = READS.get(random.nextInt(READS.size()));
                tally.add(kind, send("GET", path, null, null, null), "GET " + path);
            }
            case INGEST -> tally.add(kind, send("POST", "/api/watch/mentions/batch", batchBody(),
                    "soak-" + run + "-" + sequence.incrementAndGet(), null), "POST batch");
            case WRITE -> {
                Account account = random.nextBoolean() ? accounts.poll() : null;
                if (account == null) {
                    tally.add(kind, send("POST", "/api/plans/communication-plans", planBody(), null, null), "POST plan");
                } else {
                    Http.Reply reply = send("PUT", "/api/accounts/official/" + account.id(),
                            accountBody(account.handle(), sequence.incrementAndGet()), null, account.etag());
                    tally.add(kind, reply, "PUT official account");
                    accounts.add(reply.status() == 200 && reply.etag() != null
                            ? new Account(account.id(), account.handle(), reply.etag()) : refreshed(account));
                }
            }
        }
        return kind;
    }

    private Account refreshed(Account account) {
        Http.Reply current = send("GET", "/api/accounts/official/" + account.id(), null, null, null);
        return current.etag() == null ? account : new Account(account.id(), account.handle(), current.etag());
    }

    private Http.Reply send(String method, String path, String json, String idempotencyKey, String ifMatch) {
        return Http.send(stack.http(), method, gateway + path, stack.writer(), json, idempotencyKey, ifMatch, TIMEOUT);
    }

    private String batchBody() {
        SyntheticMentions generator = generators.get();
        Instant now = Instant.now();
        StringBuilder body = new StringBuilder("{\"mentions\":[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append(generator.item("soak-" + run + "-" + sequence.incrementAndGet(),
                    now.minusSeconds(60L * i)));
        }
        return body.append("]}").toString();
    }

    private String planBody() {
        return "{\"title\":\"Plan soak " + sequence.incrementAndGet() + "\",\"periodStart\":\"2027-01-01\","
                + "\"periodEnd\":\"2027-03-31\"}";
    }

    private static String accountBody(String handle, long version) {
        return "{\"platform\":\"FACEBOOK\",\"handle\":\"" + handle + "\",\"displayName\":\"Compte soak v" + version + "\"}";
    }

    private static String idOf(String json) {
        int at = json.indexOf("\"id\":\"") + 6;
        return json.substring(at, json.indexOf('"', at));
    }

    private static void expect(Http.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": "
                    + reply.body().substring(0, Math.min(500, reply.body().length())));
        }
    }
}
