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

/**
 * A closed-loop load: {@code connections} threads, each with its own keep-alive HTTP/1.1 connection, send the same
 * GET back to back for a fixed time and time each exchange. A blocking socket per connection keeps the generator's
 * own cost small and equal for both targets.
 */
final class LoadRound {

    record Result(long requests, long failures, Map<Integer, Long> statuses, double seconds, double medianMs,
            double p99Ms) {

        double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f req/s, median %.2f ms, p99 %.2f ms", throughput(), medianMs, p99Ms);
        }
    }

    private LoadRound() {
    }

    static Result run(URI url, String bearer, int connections, Duration duration) throws InterruptedException {
        byte[] request = ("GET " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\nAuthorization: " + bearer
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        long end = System.nanoTime() + duration.toNanos();
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(url, request, end, done);
            workers.add(worker);
            Thread.ofPlatform().daemon().name("load-" + i).start(worker);
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = 0;
        long failures = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Worker worker : workers) {
            total += worker.count;
            failures += worker.failures;
            worker.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, all, at, worker.count);
            at += worker.count;
        }
        Arrays.sort(all);
        return new Result(total, failures, statuses, seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
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
        private long[] latencies = new long[1 << 14];
        private int count;
        private long failures;
        private final Map<Integer, Long> statuses = new TreeMap<>();

        Worker(URI url, byte[] request, long end, CountDownLatch done) {
            this.url = url;
            this.request = request;
            this.end = end;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                Socket socket = null;
                InputStream in = null;
                while (System.nanoTime() < end) {
                    try {
                        if (socket == null) {
                            socket = new Socket();
                            socket.setTcpNoDelay(true);
                            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2000);
                            socket.setSoTimeout(60_000);
                            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                        }
                        long t0 = System.nanoTime();
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
