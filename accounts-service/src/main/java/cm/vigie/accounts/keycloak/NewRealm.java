package cm.vigie.accounts.keycloak;

/** What is needed to create an institution's realm from the template. */
public record NewRealm(String slug, String nameFr, String nameEn, FirstAdmin firstAdmin, String temporaryPassword) {

    /** The institution's first {@code institution-admin}; must set a password at first login. */
    public record FirstAdmin(String username, String email, String firstName, String lastName) {
    }
}
