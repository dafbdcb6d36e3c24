package cm.vigie.accounts.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm of a new institution, from {@code keycloak/institution-realm.json}. Values are set in the JSON tree, never
 * pasted into text, so that a name with quotes cannot change the realm's policy.
 */
@ApplicationScoped
public class RealmTemplate {

    static final String RESOURCE = "keycloak/institution-realm.json";
    public static final String CONSOLE_CLIENT = "vigie-console";
    public static final String ADMIN_ROLE = "institution-admin";

    private final ObjectMapper json;
    private final List<String> redirectUris;
    private final ObjectNode template;

    RealmTemplate(ObjectMapper json, KeycloakAdminConfig config) {
        this.json = json;
        this.redirectUris = config.consoleRedirectUris();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            this.template = (ObjectNode) json.readTree(in);
            this.template.remove("_comment");
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable " + RESOURCE, e);
        }
    }

    public ObjectNode render(NewRealm realm) {
        ObjectNode rep = template.deepCopy();
        rep.put("realm", realm.slug());
        rep.put("displayName", realm.nameFr());
        rep.put("displayNameHtml", "${vigieRealmName}");
        ObjectNode texts = json.createObjectNode();
        texts.putObject("fr").put("vigieRealmName", realm.nameFr());
        texts.putObject("en").put("vigieRealmName", realm.nameEn());
        rep.set("localizationTexts", texts);

        for (var client : rep.path("clients")) {
            if (CONSOLE_CLIENT.equals(client.path("clientId").asText())) {
                ObjectNode console = (ObjectNode) client;
                ArrayNode uris = console.putArray("redirectUris");
                redirectUris.forEach(uris::add);
                ArrayNode origins = console.putArray("webOrigins");
                origins(redirectUris).forEach(origins::add);
                ObjectNode attributes = console.get("attributes") instanceof ObjectNode existing ? existing
                        : console.putObject("attributes");
                attributes.put("post.logout.redirect.uris", String.join("##", redirectUris));
            }
        }

        NewRealm.FirstAdmin admin = realm.firstAdmin();
        ArrayNode users = rep.putArray("users");
        ObjectNode user = users.addObject();
        user.put("username", admin.username());
        user.put("email", admin.email());
        user.put("firstName", admin.firstName());
        user.put("lastName", admin.lastName());
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.putArray("requiredActions").add("UPDATE_PASSWORD");
        user.putArray("realmRoles").add(ADMIN_ROLE);
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", realm.temporaryPassword());
        credential.put("temporary", true);
        return rep;
    }

    /** Scheme, host and port of each redirect URI: the origins the console's browser calls come from. */
    static Set<String> origins(List<String> redirectUris) {
        Set<String> origins = new LinkedHashSet<>();
        for (String redirect : redirectUris) {
            URI uri = URI.create(redirect.replace("*", "x"));
            if (uri.getScheme() != null && uri.getHost() != null) {
                origins.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
            }
        }
        return origins;
    }
}
