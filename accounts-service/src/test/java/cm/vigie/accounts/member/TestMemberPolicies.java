package cm.vigie.accounts.member;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.event.Observes;

import cm.vigie.commons.tenancy.Roles;

/**
 * Stand-ins for the sign-in policy and custodian domains in this module's tests: realms whose slug starts with
 * {@code tfa-} require two-factor of admins and approvers; user {@code keyholder@...} holds one page. Also records
 * {@link MemberDeactivated} events.
 */
@ApplicationScoped
@Alternative
@Priority(1) // over the real ones (signin's PolicyTwoFactorRequirement, custodian's CustodianPagesToHandOver) in tests
public class TestMemberPolicies implements TwoFactorRequirement, CustodianHandOver {

    static final List<MemberDeactivated> DEACTIVATED = new CopyOnWriteArrayList<>();

    @Override
    public boolean requiredFor(String institution, Collection<String> roles) {
        return institution.startsWith("tfa-") && (roles.contains(Roles.INSTITUTION_ADMIN) || roles.contains(Roles.APPROVER));
    }

    @Override
    public List<PageToHandOver> pagesOf(String institution, String userName) {
        return userName.startsWith("keyholder@")
                ? List.of(new PageToHandOver(java.util.UUID.nameUUIDFromBytes(userName.getBytes()), "FACEBOOK", "minsantecm", "MinSanté"))
                : List.of();
    }

    void deactivated(@Observes MemberDeactivated event) {
        DEACTIVATED.add(event);
    }
}
