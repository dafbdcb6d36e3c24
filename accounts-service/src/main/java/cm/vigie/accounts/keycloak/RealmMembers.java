package cm.vigie.accounts.keycloak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;

import cm.vigie.commons.tenancy.Roles;

/**
 * The users of an institution realm through the admin API: what the members API reads and changes. Only Vigie's
 * institution roles are read or written; Keycloak's own default roles are left alone.
 */
@ApplicationScoped
public class RealmMembers {

    public static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    public static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";
    /** The institution roles, as realm roles of every institution realm (keycloak/institution-realm.json). */
    public static final List<String> INSTITUTION_ROLES = List.of(Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER,
            Roles.ANALYST, Roles.APPROVER, Roles.VIEWER);
    /** Credential types that are a second factor. */
    static final Set<String> SECOND_FACTORS = Set.of("otp", "webauthn");
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    /** How many users a realm-wide count reads; an institution has tens of members, not thousands. */
    static final int REALM_SCAN_LIMIT = 2_000;

    /** What to read besides the user itself: detail costs three more admin calls per user. */
    public enum Detail { ROLES, FULL }

    private final InstitutionRealmAdmin realms;

    RealmMembers(InstitutionRealmAdmin realms) {
        this.realms = realms;
    }

    public record NewUser(String username, String email, String firstName, String lastName, String locale,
            List<String> roles, List<String> requiredActions, String temporaryPassword) {
    }

    /** Creates the user with a temporary password and its roles; removes it again if the roles cannot be given. */
    public String create(String slug, NewUser user) {
        UserRepresentation rep = new UserRepresentation();
        rep.setUsername(user.username());
        rep.setEmail(user.email());
        rep.setFirstName(user.firstName());
        rep.setLastName(user.lastName());
        rep.setEnabled(true);
        rep.setEmailVerified(true);
        rep.setRequiredActions(user.requiredActions());
        if (user.locale() != null) {
            rep.setAttributes(Map.of("locale", List.of(user.locale())));
        }
        rep.setCredentials(List.of(temporaryPassword(user.temporaryPassword())));
        String id = realms.call(slug, "create user", realm -> {
            try (Response response = realm.users().create(rep)) {
                if (response.getStatus() != 201) {
                    throw new WebApplicationException(response.getStatus());
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
        try {
            realms.run(slug, "give roles", realm -> realm.users().get(id).roles().realmLevel().add(roles(realm, user.roles())));
        } catch (RuntimeException e) {
            try {
                realms.run(slug, "remove half-created user", realm -> realm.users().get(id).remove());
            } catch (RuntimeException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
        return id;
    }

    public RealmUser get(String slug, String id, Detail detail) {
        return realms.call(slug, "read user", realm -> read(realm, realm.users().get(id).toRepresentation(), detail));
    }

    /** One page of users, by username, without service accounts. */
    public List<RealmUser> page(String slug, int first, int max, Detail detail) {
        return realms.call(slug, "list users", realm -> realm.users().list(first, max).stream()
                .filter(user -> !isServiceAccount(user)).map(user -> read(realm, user, detail)).toList());
    }

    public long count(String slug) {
        return realms.call(slug, "count users", realm -> realm.users().count().longValue());
    }

    /** Every user of the realm (up to {@value #REALM_SCAN_LIMIT}), with roles, sessions and credentials. */
    public List<RealmUser> all(String slug) {
        return page(slug, 0, REALM_SCAN_LIMIT, Detail.FULL);
    }

    /** The enabled users holding {@code role}. */
    public List<RealmUser> enabledWithRole(String slug, String role) {
        return realms.call(slug, "list users with role " + role, realm -> realm.roles().get(role)
                .getUserMembers(0, REALM_SCAN_LIMIT).stream()
                .filter(user -> Boolean.TRUE.equals(user.isEnabled()))
                .map(user -> read(realm, user, null)).toList());
    }

    /** Replaces the user's institution roles by {@code roles}; other realm roles stay. */
    public void setRoles(String slug, String id, Collection<String> roles) {
        realms.run(slug, "change roles", realm -> {
            var mappings = realm.users().get(id).roles().realmLevel();
            List<RoleRepresentation> current = mappings.listAll().stream()
                    .filter(role -> INSTITUTION_ROLES.contains(role.getName())).toList();
            List<RoleRepresentation> removed = current.stream().filter(role -> !roles.contains(role.getName())).toList();
            List<String> added = roles.stream()
                    .filter(name -> current.stream().noneMatch(role -> role.getName().equals(name))).toList();
            if (!added.isEmpty()) {
                mappings.add(roles(realm, added));
            }
            if (!removed.isEmpty()) {
                mappings.remove(removed);
            }
        });
    }

    /** Adds a required action the user does not have yet (the next sign-in asks for it). */
    public void requireAction(String slug, String id, String action) {
        realms.run(slug, "require " + action, realm -> {
            UserResource user = realm.users().get(id);
            UserRepresentation change = user.toRepresentation();
            List<String> actions = new ArrayList<>(change.getRequiredActions() == null ? List.of() : change.getRequiredActions());
            if (!actions.contains(action)) {
                actions.add(action);
                change.setRequiredActions(actions);
                user.update(change);
            }
        });
    }

    public void setEnabled(String slug, String id, boolean enabled) {
        realms.run(slug, enabled ? "enable user" : "disable user", realm -> {
            UserResource user = realm.users().get(id);
            UserRepresentation change = user.toRepresentation();
            change.setEnabled(enabled);
            user.update(change);
        });
    }

    /** A new temporary password, the password step required again, and every session ended. */
    public void resetCredentials(String slug, String id, String temporaryPassword) {
        realms.run(slug, "reset credentials", realm -> {
            UserResource user = realm.users().get(id);
            user.resetPassword(temporaryPassword(temporaryPassword));
            UserRepresentation change = user.toRepresentation();
            List<String> actions = new ArrayList<>(change.getRequiredActions() == null ? List.of() : change.getRequiredActions());
            if (!actions.contains(UPDATE_PASSWORD)) {
                actions.add(UPDATE_PASSWORD);
                change.setRequiredActions(actions);
                user.update(change);
            }
            user.logout();
        });
    }

    /** Ends every session of the user: their refresh tokens stop working at once. */
    public void signOut(String slug, String id) {
        realms.run(slug, "sign out user", realm -> realm.users().get(id).logout());
    }

    public void remove(String slug, String id) {
        realms.run(slug, "remove user", realm -> realm.users().get(id).remove());
    }

    private static CredentialRepresentation temporaryPassword(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(true);
        return credential;
    }

    private static List<RoleRepresentation> roles(RealmResource realm, Collection<String> names) {
        return names.stream().map(name -> realm.roles().get(name).toRepresentation()).toList();
    }

    private static boolean isServiceAccount(UserRepresentation user) {
        return user.getServiceAccountClientId() != null
                || (user.getUsername() != null && user.getUsername().startsWith(SERVICE_ACCOUNT_PREFIX));
    }

    private static RealmUser read(RealmResource realm, UserRepresentation user, Detail detail) {
        List<String> roles = List.of();
        Instant lastSignIn = null;
        boolean twoFactor = false;
        if (detail != null) {
            UserResource resource = realm.users().get(user.getId());
            roles = resource.roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
                    .filter(INSTITUTION_ROLES::contains)
                    .sorted(Comparator.comparingInt(INSTITUTION_ROLES::indexOf)).toList();
            if (detail == Detail.FULL) {
                // Keycloak keeps no login time on the user; its live sessions tell when the member last signed in
                lastSignIn = resource.getUserSessions().stream().map(UserSessionRepresentation::getStart)
                        .max(Long::compare).map(Instant::ofEpochMilli).orElse(null);
                twoFactor = resource.credentials().stream().anyMatch(c -> SECOND_FACTORS.contains(c.getType()));
            }
        }
        return new RealmUser(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                Boolean.TRUE.equals(user.isEnabled()),
                user.getRequiredActions() == null ? List.of() : List.copyOf(user.getRequiredActions()), roles,
                user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp()),
                lastSignIn, twoFactor);
    }
}
