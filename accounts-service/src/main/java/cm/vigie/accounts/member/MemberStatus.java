package cm.vigie.accounts.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.keycloak.RealmUser;

@Schema(name = "MemberStatus", description = "INVITED: has not set a password yet (invited, or credentials reset); ACTIVE: can sign in; DISABLED: cannot sign in")
public enum MemberStatus {
    INVITED, ACTIVE, DISABLED;

    static MemberStatus of(RealmUser user) {
        if (!user.enabled()) {
            return DISABLED;
        }
        return user.mustSetPassword() ? INVITED : ACTIVE;
    }
}
