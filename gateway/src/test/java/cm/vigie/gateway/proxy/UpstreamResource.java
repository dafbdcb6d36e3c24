package cm.vigie.gateway.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the upstreams and points the gateway at them: {@code accounts} and {@code plan} reach the
 * {@link UpstreamStub}, {@code flaky} the {@link FlakyUpstream}, {@code watch} a port where nothing listens.
 * Budgets and timeouts are small so that the tests see limits quickly.
 */
public class UpstreamResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test fields that receive the running upstreams. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectUpstream {
    }

    /** An institution with a budget of 2 requests, refilled very slowly. */
    public static final String LIMITED_INSTITUTION = "limitee";

    private UpstreamStub stub;
    private FlakyUpstream flaky;

    @Override
    public Map<String, String> start() {
        try {
            stub = new UpstreamStub();
            flaky = new FlakyUpstream();
            Map<String, String> config = new HashMap<>();
            config.put("vigie.gateway.services.accounts.url", stub.url());
            config.put("vigie.gateway.services.plan.url", stub.url());
            config.put("vigie.gateway.services.watch.url", "http://127.0.0.1:" + closedPort());
            config.put("vigie.gateway.services.flaky.url", flaky.url());
            config.put("vigie.gateway.routes.\"/api/flaky\"", "flaky");
            config.put("vigie.gateway.services.plan.read-timeout", "1s");
            config.put("vigie.gateway.rate-limit.institutions." + LIMITED_INSTITUTION + ".rate", "0.01");
            config.put("vigie.gateway.rate-limit.institutions." + LIMITED_INSTITUTION + ".burst", "2");
            config.put("vigie.gateway.rate-limit.public-rate", "0.01");
            config.put("vigie.gateway.rate-limit.public-burst", "4");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stub, new TestInjector.AnnotatedAndMatchesType(InjectUpstream.class, UpstreamStub.class));
        injector.injectIntoFields(flaky, new TestInjector.AnnotatedAndMatchesType(InjectUpstream.class, FlakyUpstream.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
        try {
            if (flaky != null) {
                flaky.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** A port that was free a moment ago and that nobody listens on: connections are refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
