package cm.vigie.accounts.official.custodian;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cm.vigie.accounts.member.CustodianHandOver;
import cm.vigie.accounts.member.MemberDeactivated;
import cm.vigie.accounts.member.PageToHandOver;

/**
 * The custodian side of a member leaving: the pages they hold, listed in the members API's answer, and the
 * FORMER_MEMBER_STILL_CUSTODIAN finding opened on each of them once the member is disabled or removed.
 */
@ApplicationScoped
public class CustodianPagesToHandOver implements CustodianHandOver {

    private static final Logger LOG = Logger.getLogger(CustodianPagesToHandOver.class);

    private final FormerCustodians former;

    CustodianPagesToHandOver(FormerCustodians former) {
        this.former = former;
    }

    @Override
    public List<PageToHandOver> pagesOf(String institution, String userName) {
        return former.pagesOf(institution, userName).stream()
                .map(page -> new PageToHandOver(page.accountId(), page.platform(), page.handle(), page.displayName()))
                .toList();
    }

    void deactivated(@Observes MemberDeactivated event) {
        int pages = former.markFormer(event.institutionId(), event.userName(), event.reason().name(), Instant.now());
        if (pages > 0) {
            LOG.infof("Member %s of %s (%s) still holds %d official account(s): security findings opened",
                    event.memberId(), event.institutionId(), event.reason(), pages);
        }
    }
}
