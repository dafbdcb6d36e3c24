package cm.vigie.accounts.official;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.ProblemException;

@ApplicationScoped
public class OfficialAccountService {

    static final String AUDIT_TARGET = "OFFICIAL_ACCOUNT";
    private static final String UNIQUE_HANDLE = "official_account_platform_handle_key";
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "handle", "handle",
            "platform", "platform", "displayName", "displayName");
    private static final Sorting DEFAULT_SORT = new Sorting("createdAt", false);

    private final OfficialAccountRepository accounts;
    private final AuditLog audit;

    OfficialAccountService(OfficialAccountRepository accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public OfficialAccount create(OfficialAccountRequest request) {
        OfficialAccount account = new OfficialAccount();
        account.id = UUID.randomUUID();
        apply(account, request);
        account.status = AccountStatus.ACTIVE;
        account.createdAt = Instant.now();
        account.updatedAt = account.createdAt;
        accounts.persist(account);
        flushClaim(account);
        audit.record(account.institutionId, "OFFICIAL_ACCOUNT_CREATED", AUDIT_TARGET, account.id, null,
                account.status.name(), null);
        return account;
    }

    public OfficialAccount get(UUID id) {
        return accounts.findVisible(id).orElseThrow(() -> ProblemException.notFound("official-account.not-found"));
    }

    public PageResponse<OfficialAccount> list(Platform platform, AccountStatus status, PageRequest page) {
        var query = accounts.search(platform, status, Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT))
                .page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    @Transactional
    public OfficialAccount update(UUID id, String ifMatch, OfficialAccountRequest request) {
        OfficialAccount account = get(id);
        ETags.requireMatch(ifMatch, account.version);
        apply(account, request);
        account.updatedAt = Instant.now();
        flushClaim(account);
        return account;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        OfficialAccount account = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, account.version);
        }
        audit.record(account.institutionId, "OFFICIAL_ACCOUNT_DELETED", AUDIT_TARGET, account.id,
                account.status.name(), null, null);
        accounts.delete(account);
    }

    private static void apply(OfficialAccount account, OfficialAccountRequest request) {
        account.platform = request.platform();
        account.handle = Handles.normalise(request.handle());
        account.displayName = request.displayName().strip();
        account.url = request.url();
    }

    /** Writes now, so that a (platform, handle) already claimed by any institution answers 409. */
    private void flushClaim(OfficialAccount account) {
        try {
            accounts.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException violation && UNIQUE_HANDLE.equals(violation.getConstraintName())
                    || e.getCause() instanceof ConstraintViolationException cause && UNIQUE_HANDLE.equals(cause.getConstraintName())) {
                throw ProblemException.conflict("official-account.claimed", account.platform, account.handle);
            }
            throw e;
        }
    }
}
