package cm.vigie.accounts.official.verification.profile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.accounts.official.Platform;
import cm.vigie.accounts.official.verification.VerificationConfig;

/**
 * A Facebook Page's public fields through the Graph API: {@code GET /{page}?fields=id,name,username,about,description}
 * with an app or page access token. Errors come as {@code {error:{message,type,code,error_subcode,fbtrace_id}}}
 * (803: no such alias, 100: invalid parameter, 190: token, 4/17/32/613: rate limits); any of them, a timeout or an
 * unreadable answer is "unavailable", never a proof.
 */
@ApplicationScoped
public class FacebookPageReader implements ProfileReader {

    private static final int MAX_BODY = 256 * 1024;
    private static final String FIELDS = "id,name,username,about,description";

    private final VerificationConfig.Facebook config;
    private final ObjectMapper json;
    private final HttpClient http;

    FacebookPageReader(VerificationConfig config, ObjectMapper json) {
        this.config = config.facebook();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public boolean reads(Platform platform) {
        return platform == Platform.FACEBOOK && config.accessToken().filter(t -> !t.isBlank()).isPresent();
    }

    @Override
    public ProfileText read(String handle) throws ProfileUnavailable {
        String token = config.accessToken().orElseThrow(() -> new ProfileUnavailable("no Graph API access token"));
        String base = config.graphUrl().endsWith("/") ? config.graphUrl() : config.graphUrl() + "/";
        URI uri = URI.create(base + URLEncoder.encode(handle, StandardCharsets.UTF_8) + "?fields=" + FIELDS
                + "&access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout()).header("Accept", "application/json")
                .GET().build();
        JsonNode body;
        int status;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new ProfileUnavailable("Graph API answer over " + MAX_BODY + " bytes");
                }
                body = json.readTree(bytes);
            }
        } catch (IOException e) {
            // The message of an HttpClient exception may carry the URI, hence the token: never pass it on.
            throw new ProfileUnavailable("Graph API unreachable or unreadable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfileUnavailable("interrupted");
        }
        if (body == null || !body.isObject()) {
            throw new ProfileUnavailable("Graph API answered " + status + " without a JSON object");
        }
        JsonNode error = body.get("error");
        if (status != 200 || error != null) {
            throw new ProfileUnavailable(error == null ? "Graph API answered " + status
                    : "Graph API error " + error.path("code").asInt() + "/" + error.path("error_subcode").asInt()
                            + " (" + error.path("type").asText() + "): " + abbreviate(error.path("message").asText()));
        }
        List<String> fields = new ArrayList<>();
        for (String field : new String[] { "about", "description" }) {
            if (body.path(field).isTextual()) {
                fields.add(body.get(field).asText());
            }
        }
        return new ProfileText(body.path("id").asText(null), body.path("name").asText(null), fields);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
