package cm.vigie.accounts.member;

import java.util.List;

/**
 * The official accounts a member holds keys of, listed when the member is disabled or removed so that the admin knows
 * which pages to hand over. The default answers none; the custodian domain provides the real one.
 */
public interface CustodianHandOver {

    /** {@code institution} is the institution's slug (its realm), {@code userName} the member's user name there. */
    List<PageToHandOver> pagesOf(String institution, String userName);
}
