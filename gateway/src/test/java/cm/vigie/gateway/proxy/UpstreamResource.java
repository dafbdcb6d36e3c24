package cm.vigie.gateway.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the {@link UpstreamStub} and points the gateway at it: {@code accounts} and {@code plan}
 * reach the stub, {@code watch} points at a port where nothing listens.
 */
public class UpstreamResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running stub. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectUpstream {
    }

    private UpstreamStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new UpstreamStub();
            return Map.of(
                    "vigie.gateway.services.accounts.url", stub.url(),
                    "vigie.gateway.services.plan.url", stub.url(),
                    "vigie.gateway.services.watch.url", "http://127.0.0.1:" + closedPort(),
                    "vigie.gateway.connect-timeout", "2s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stub, new TestInjector.AnnotatedAndMatchesType(InjectUpstream.class, UpstreamStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    /** A port that was free a moment ago and that nobody listens on: connections are refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
