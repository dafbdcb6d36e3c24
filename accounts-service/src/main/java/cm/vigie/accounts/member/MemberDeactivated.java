package cm.vigie.accounts.member;

/**
 * Fired (synchronously, after the change is committed and done in Keycloak) when a member is disabled or removed.
 * {@code institutionId} is the institution's slug, as in every {@code institution_id} column of accounts-service.
 */
public record MemberDeactivated(String institutionId, String userName, String memberId, Reason reason) {

    public enum Reason { DISABLED, REMOVED }
}
