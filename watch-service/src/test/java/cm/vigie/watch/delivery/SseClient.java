package cm.vigie.watch.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.restassured.RestAssured;

/** A minimal Server-Sent Events client for tests: parses events into a queue. */
final class SseClient implements AutoCloseable {

    /** @param receivedAt {@link System#nanoTime()} when its last line arrived */
    record Event(String id, String name, String data, long receivedAt) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** Completes when the server ends the stream. */
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    final int status;

    SseClient(String token, String query, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + RestAssured.port + "/api/watch/alerts/stream" + (query == null ? "" : "?" + query)))
                .header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> answer = response.get(10, TimeUnit.SECONDS);
        status = answer.statusCode();
        Thread reader = new Thread(() -> {
            Map<String, String> fields = new HashMap<>();
            try {
                answer.body().forEach(line -> {
                    if (line.isEmpty()) {
                        if (fields.containsKey("data")) {
                            events.add(new Event(fields.get("id"), fields.get("event"), fields.get("data"), System.nanoTime()));
                        }
                        fields.clear();
                    } else if (!line.startsWith(":")) {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                        fields.merge(field, value, (a, b) -> a + "\n" + b);
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
            ended.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
    }

    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
    }
}
