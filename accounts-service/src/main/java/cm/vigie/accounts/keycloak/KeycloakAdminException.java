package cm.vigie.accounts.keycloak;

/** An admin call that did not do what was asked; {@link #reason()} says how to answer the caller. */
public class KeycloakAdminException extends RuntimeException {

    public enum Reason {
        /** Keycloak could not be reached, timed out, or refused our credentials: try again later. */
        UNAVAILABLE,
        /** A realm with this name exists already. */
        REALM_EXISTS,
        /** The realm does not exist. */
        REALM_MISSING,
        /** The object asked for (a user, a role) does not exist. */
        NOT_FOUND,
        /** An object with this name exists already (a user with this username or email). */
        EXISTS,
        /** Keycloak refused the request as invalid (HTTP 400), for example a password its policy refuses. */
        REJECTED,
        /** Keycloak answered with an error we do not expect. */
        FAILED
    }

    private final Reason reason;

    public KeycloakAdminException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public KeycloakAdminException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
