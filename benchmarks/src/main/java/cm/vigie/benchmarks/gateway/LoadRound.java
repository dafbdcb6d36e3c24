package cm.vigie.benchmarks.gateway;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on one URL: {@code connections} threads, each with its own keep-alive HTTP/1.1 connection and blocking socket
 * (the generator's own cost stays small and equal for both targets), for a fixed time.
 *
 * <ul>
 * <li>{@link #run closed loop}: each connection sends the same GET back to back and times each exchange. At
 * saturation this measures throughput; its latency is mostly queueing ({@code connections / throughput}).</li>
 * <li>{@link #runAtRate fixed rate} (open loop, as wrk2 does): each connection sends at its own constant pace,
 * the connections staggered so that the total rate is even, and each latency is timed from the request's
 * <em>scheduled</em> send time. A request that cannot go out on time (its connection still waits for the previous
 * answer, or the generator was late) is counted with the time it waited: no coordinated omission.</li>
 * </ul>
 */
final class LoadRound {

    /**
     * @param seconds  from the start to the last answer
     * @param lateSends requests sent more than {@link #LATE_NANOS} after their scheduled time (fixed rate only)
     */
    record Result(long requests, long failures, Map<Integer, Long> statuses, double seconds, double medianMs,
            double p99Ms, long lateSends) {

        double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f req/s, median %.2f ms, p99 %.2f ms", throughput(), medianMs, p99Ms);
        }
    }

    /** A send more than this after its scheduled time counts as late (the generator or the connection held it). */
    static final long LATE_NANOS = 1_000_000;
    /** Time for every fixed-rate thread to start and connect before the first scheduled send. */
    private static final long SCHEDULE_LEAD_NANOS = 200_000_000;

    private LoadRound() {
    }

    /** Closed loop: every connection sends its next request as soon as the previous one is answered. */
    static Result run(URI url, String bearer, int connections, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        return collect(start, start(url, bearer, connections, start + duration.toNanos(), 0, 0));
    }

    /**
     * Fixed rate: {@code totalRate} requests per second in all, spread evenly over the connections and in time;
     * latency from each request's scheduled send time.
     */
    static Result runAtRate(URI url, String bearer, int connections, double totalRate, Duration duration)
            throws InterruptedException {
        if (!(totalRate > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + totalRate);
        }
        long interval = Math.round(connections * 1e9 / totalRate);
        long start = System.nanoTime() + SCHEDULE_LEAD_NANOS;
        return collect(start, start(url, bearer, connections, start + duration.toNanos(), start, interval));
    }

    private static List<Worker> start(URI url, String bearer, int connections, long end, long firstSend,
            long interval) {
        byte[] request = ("GET " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\nAuthorization: " + bearer
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            // connection i sends at firstSend + i * interval / connections + k * interval: one send every
            // interval / connections in all
            long offset = interval == 0 ? 0 : firstSend + i * interval / connections;
            Worker worker = new Worker(url, request, end, done, offset, interval);
            workers.add(worker);
        }
        for (int i = 0; i < connections; i++) {
            Thread.ofPlatform().daemon().name("load-" + i).start(workers.get(i));
        }
        return workers;
    }

    private static Result collect(long start, List<Worker> workers) throws InterruptedException {
        workers.getFirst().done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = 0;
        long failures = 0;
        long late = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Worker worker : workers) {
            total += worker.count;
            failures += worker.failures;
            late += worker.lateSends;
            worker.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, all, at, worker.count);
            at += worker.count;
        }
        Arrays.sort(all);
        return new Result(total, failures, statuses, seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                late);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static final class Worker implements Runnable {
        private final URI url;
        private final byte[] request;
        private final long end;
        private final CountDownLatch done;
        /** Fixed rate: the first scheduled send of this connection, and the time between two (0: closed loop). */
        private final long firstSend;
        private final long interval;
        private long[] latencies = new long[1 << 12];
        private int count;
        private long failures;
        private long lateSends;
        private final Map<Integer, Long> statuses = new TreeMap<>();

        Worker(URI url, byte[] request, long end, CountDownLatch done, long firstSend, long interval) {
            this.url = url;
            this.request = request;
            this.end = end;
            this.done = done;
            this.firstSend = firstSend;
            this.interval = interval;
        }

        @Override
        public void run() {
            try {
                Socket socket = null;
                InputStream in = null;
                if (interval != 0) {
                    // connected during the lead time, so that the first scheduled request does not pay for it
                    try {
                        socket = connect();
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    } catch (IOException e) {
                        close(socket);
                        socket = null;
                    }
                }
                long scheduled = firstSend;
                while (interval == 0 ? System.nanoTime() < end : scheduled < end) {
                    try {
                        long t0 = 0;
                        if (interval != 0) {
                            // the request is due now: a connect, a late thread or a busy connection all count
                            awaitUntil(scheduled);
                            if (System.nanoTime() - scheduled > LATE_NANOS) {
                                lateSends++;
                            }
                            t0 = scheduled;
                            scheduled += interval;
                        }
                        if (socket == null) {
                            socket = connect();
                            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                        }
                        if (interval == 0) {
                            t0 = System.nanoTime();
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(request);
                        out.flush();
                        int status = readResponse(in);
                        long t1 = System.nanoTime();
                        statuses.merge(status, 1L, Long::sum);
                        if (status != 200) {
                            failures++;
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = t1 - t0;
                    } catch (IOException e) {
                        failures++;
                        statuses.merge(-1, 1L, Long::sum);
                        close(socket);
                        socket = null;
                    }
                }
                close(socket);
            } finally {
                done.countDown();
            }
        }

        private Socket connect() throws IOException {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2000);
                socket.setSoTimeout(60_000);
                return socket;
            } catch (IOException e) {
                close(socket);
                throw e;
            }
        }

        /** Sleeps until {@code deadline} (System.nanoTime), spinning only for the last few microseconds. */
        private static void awaitUntil(long deadline) {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                if (left > 60_000) {
                    LockSupport.parkNanos(left - 50_000);
                } else {
                    Thread.onSpinWait();
                }
            }
        }

        private static void close(Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** Reads one response (head and body, Content-Length or chunked) and returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || statusLine.length() < 12) {
            throw new IOException("no status line");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("truncated chunk");
                }
                int semicolon = size.indexOf(';');
                long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                if (n == 0) {
                    while ((header = line(in)) != null && !header.isEmpty()) {
                        // trailers
                    }
                    break;
                }
                skip(in, n);
                line(in);
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int last = line.length() - 1;
                return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
