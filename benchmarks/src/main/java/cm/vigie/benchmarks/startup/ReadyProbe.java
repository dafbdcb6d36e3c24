package cm.vigie.benchmarks.startup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls a readiness URL every few milliseconds and tells when it first answered 200. */
final class ReadyProbe {

    static final Duration INTERVAL = Duration.ofMillis(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private ReadyProbe() {
    }

    /**
     * Returns {@link System#nanoTime()} at the first 200 from {@code url}. Fails when {@code process} exits first or
     * {@code timeout} passes.
     */
    static long awaitFirst200(HttpClient http, URI url, ProcessHandle process, Duration timeout, String name)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited before it was ready (last poll: " + last + ")");
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                long now = System.nanoTime();
                if (response.statusCode() == 200) {
                    return now;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            Thread.sleep(INTERVAL);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s (GET " + url
                + ": " + last + ")");
    }
}
