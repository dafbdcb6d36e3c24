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
