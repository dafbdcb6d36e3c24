package cm.vigie.commons.caller;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Caller", description = "Who the bearer token says the caller is, as this service verified it")
public record CallerView(
        @Schema(description = "Realm that issued the token", examples = "minsante") String realm,
        @Schema(description = "Institution slug; absent for platform operators", examples = "minsante") String institution,
        @Schema(description = "Keycloak user name", examples = "cm") String username,
        @Schema(description = "Realm roles", examples = "[\"community-manager\"]") List<String> roles) {
}
