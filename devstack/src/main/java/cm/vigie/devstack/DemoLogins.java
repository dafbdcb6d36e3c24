package cm.vigie.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The users of the shipped realm files, for the table {@code ./platform up} prints. */
final class DemoLogins {

    record Login(String realm, String username, String password, String roles) {
    }

    private DemoLogins() {
    }

    static List<Login> all() {
        ObjectMapper json = new ObjectMapper();
        List<Login> logins = new ArrayList<>();
        for (String realm : KeycloakNode.REALMS) {
            String resource = KeycloakNode.realmResource(realm);
            try (InputStream in = DemoLogins.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + resource);
                }
                for (JsonNode user : json.readTree(in).path("users")) {
                    List<String> roles = new ArrayList<>();
                    user.path("realmRoles").forEach(role -> roles.add(role.asText()));
                    String password = "";
                    for (JsonNode credential : user.path("credentials")) {
                        if ("password".equals(credential.path("type").asText())) {
                            password = credential.path("value").asText();
                        }
                    }
                    logins.add(new Login(realm, user.path("username").asText(), password, String.join(", ", roles)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return logins;
    }
}
