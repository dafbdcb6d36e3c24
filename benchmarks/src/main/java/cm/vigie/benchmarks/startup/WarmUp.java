package cm.vigie.benchmarks.startup;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;

/**
 * Sends a {@link WarmUpPlan}'s requests and counts what came back: the first one alone, the rest from a few threads.
 * <p>
 * The first request goes alone so that the first directory load and connection set-up are not counted against the
 * concurrency of the rest.
 */
final class WarmUp {

    private static final int KEPT_FAILURES = 3;
    private static final int BODY_CHARS = 300;

    /**
     * @param requests how many were sent
     * @param non2xx   answers outside 200-299, plus requests that got no answer
     * @param statuses count per status code ({@code "error"} for no answer)
     * @param failures the first few failures, for the error message
     * @param nanos    wall time of the whole warm-up
     */
    record Outcome(int requests, int non2xx, Map<String, Integer> statuses, List<String> failures, long nanos) {

        double requestsPerSecond() {
            return requests / (nanos / 1e9);
        }
    }

    private WarmUp() {
    }

    static Outcome run(HttpClient http, WarmUpPlan plan, int requests, int concurrency) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger non2xx = new AtomicInteger();
        long start = System.nanoTime();
        if (requests > 0) {
            send(http, plan.request(next.getAndIncrement()), statuses, failures, non2xx);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        send(http, plan.request(i), statuses, failures, non2xx);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("warm-up worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(requests, non2xx.get(), Map.copyOf(statuses), List.copyOf(failures),
                System.nanoTime() - start);
    }

    private static void send(HttpClient http, HttpRequest request, Map<String, Integer> statuses,
                             List<String> failures, AtomicInteger non2xx) throws InterruptedException {
        String key;
        String failure = null;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            key = Integer.toString(response.statusCode());
            if (response.statusCode() / 100 != 2) {
                String body = response.body() == null ? "" : response.body();
                failure = request.method() + " " + request.uri() + " -> " + response.statusCode() + " "
                        + (body.length() > BODY_CHARS ? body.substring(0, BODY_CHARS) + "..." : body);
            }
        } catch (IOException e) {
            key = "error";
            failure = request.method() + " " + request.uri() + " -> " + e;
        }
        statuses.merge(key, 1, Integer::sum);
        if (failure != null) {
            non2xx.incrementAndGet();
            synchronized (failures) {
                if (failures.size() < KEPT_FAILURES) {
                    failures.add(failure);
                }
            }
        }
    }
}
