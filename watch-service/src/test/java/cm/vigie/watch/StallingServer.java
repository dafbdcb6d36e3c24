package cm.vigie.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target that answers its status line and headers at once (announcing a long body), sends a first chunk of the
 * body, then stalls with the connection open until it is closed: what a stuck webhook receiver or feed does.
 */
public final class StallingServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** Connections whose peer went away (the deadline cut them), counted when the stall notices it. */
    public final AtomicInteger accepted = new AtomicInteger();
    public final AtomicInteger closedByPeer = new AtomicInteger();
    private final String contentType;
    private final String firstChunk;

    public StallingServer(String contentType, String firstChunk) throws IOException {
        this.contentType = contentType;
        this.firstChunk = firstChunk;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(this::serve);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> stall(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void stall(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            readHeaders(in);
            byte[] chunk = firstChunk.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + (chunk.length + 1_000_000)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.flush();
            // the request body, if any, is drained; then nothing more is sent until the peer leaves
            while (in.read() >= 0) {
                // stall
            }
            closedByPeer.incrementAndGet();
        } catch (IOException gone) {
            closedByPeer.incrementAndGet();
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
