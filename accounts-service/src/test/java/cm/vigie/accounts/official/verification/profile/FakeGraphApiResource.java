package cm.vigie.accounts.official.verification.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the Facebook profile reader of every {@code @QuarkusTest} of the module at a {@link FakeGraphApi}. */
public class FakeGraphApiResource implements QuarkusTestResourceLifecycleManager {

    private FakeGraphApi fake;

    @Override
    public Map<String, String> start() {
        try {
            fake = new FakeGraphApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "vigie.official-verification.facebook.graph-url", fake.url(),
                "vigie.official-verification.facebook.access-token", FakeGraphApi.TOKEN,
                "vigie.official-verification.facebook.timeout", "2s");
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}
