package cm.vigie.watch;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;

import cm.vigie.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Tokens and requests shared by the watch-service tests. */
public final class WatchTestSupport {

    public static final String CM = TestTokens.bearer("minsante", "cm", "community-manager");
    public static final String ANALYST = TestTokens.bearer("minsante", "analyst", "analyst");
    public static final String VIEWER = TestTokens.bearer("minsante", "viewer", "viewer");
    public static final String OTHER_CM = TestTokens.bearer("mincom", "cm", "community-manager");

    private WatchTestSupport() {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    /** A mention item as JSON with a unique external id unless one is given. */
    public static String mention(String externalId, String text, String author) {
        return """
                {"platform":"FACEBOOK","externalId":"%s","url":"https://www.facebook.com/posts/%s","author":{"handle":"%s","displayName":"%s","followers":120},\
                "text":"%s","publishedAt":"%s","metrics":{"likes":3,"shares":1,"comments":0,"views":50}}"""
                .formatted(externalId == null ? UUID.randomUUID() : externalId, UUID.randomUUID(), author, author, text,
                        Instant.now().minusSeconds(30));
    }

    /**
     * Registers an institution in the test directory with these quotas and waits until watch-service accepts its
     * tokens; answers its institution-admin's bearer.
     */
    public static String institution(String slug, cm.vigie.commons.quota.Quotas quotas) {
        cm.vigie.commons.testing.TestIdentityProvider.get().quotas(slug, quotas);
        cm.vigie.commons.testing.TestIdentityProvider.get().institution(slug, "ACTIVE");
        String admin = TestTokens.bearer(slug, "admin", "institution-admin");
        Instant deadline = Instant.now().plusSeconds(10);
        while (as(admin).get("/api/watch/watchlists").statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(slug + " was never accepted");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return admin;
    }

    public static String batch(String... items) {
        return "{\"mentions\":[" + String.join(",", items) + "]}";
    }
}
