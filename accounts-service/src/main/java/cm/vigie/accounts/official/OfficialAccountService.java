package cm.vigie.accounts.official;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import cm.vigie.accounts.history.History;
import cm.vigie.accounts.history.HistoryEntry;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.ProblemException;

@ApplicationScoped
public class OfficialAccountService {

    public static final String AUDIT_TARGET = "OFFICIAL_ACCOUNT";
    private static final String UNIQUE_HANDLE = "official_account_platform_handle_key";
    private static final int MAX_HANDLE = 200;
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "handle", "handle",
            "platform", "platform", "displayName", "displayName", "status", "status");
    private static final Sorting DEFAULT_SORT = new Sorting("createdAt", false);

    private final OfficialAccountRepository accounts;
    private final AuditLog audit;
    private final History history;
    private final Event<IdentityChanged> identityChanged;

    OfficialAccountService(OfficialAccountRepository accounts, AuditLog audit, History history,
            Event<IdentityChanged> identityChanged) {
        this.accounts = accounts;
        this.audit = audit;
        this.history = history;
        this.identityChanged = identityChanged;
    }

    @Transactional
    public OfficialAccount create(OfficialAccountRequest request) {
        OfficialAccount account = new OfficialAccount();
        account.id = UUID.randomUUID();
        apply(account, request);
        account.status = AccountStatus.ACTIVE;
        account.verification = Verification.PENDING_VERIFICATION;
        account.createdAt = Instant.now();
        account.updatedAt = account.createdAt;
        accounts.persist(account);
        flushClaim(account);
        audit.record(account.institutionId, "OFFICIAL_ACCOUNT_CREATED", AUDIT_TARGET, account.id, null,
                history.diff().field("platform", null, account.platform).field("handle", null, account.handle)
                        .field("displayName", null, account.displayName).field("url", null, account.url)
                        .field("status", null, account.status).field("verification", null, account.verification).after(),
                null);
        return account;
    }

    /** The caller's institution's account; another institution's answers 404 as a missing one does. */
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
        String handle = validHandle(request);
        History.Diff diff = history.diff()
                .field("platform", account.platform, request.platform())
                .field("handle", account.handle, handle)
                .field("displayName", account.displayName, request.displayName().strip())
                .field("url", account.url, request.url());
        boolean identity = account.platform != request.platform() || !account.handle.equals(handle)
                || !account.displayName.equals(request.displayName().strip());
        // A proven account renamed to look like another institution's must not stay vouched for.
        if (identity && account.verification != Verification.PENDING_VERIFICATION) {
            diff.field("verification", account.verification, Verification.PENDING_VERIFICATION);
            account.verification = Verification.PENDING_VERIFICATION;
            account.verifiedAt = null;
        }
        apply(account, request);
        if (!diff.isEmpty()) {
            account.updatedAt = Instant.now();
            flushClaim(account);
            if (identity) {
                identityChanged.fire(new IdentityChanged(account.id));
            }
            audit.record(account.institutionId, "OFFICIAL_ACCOUNT_UPDATED", AUDIT_TARGET, account.id, diff.before(),
                    diff.after(), null);
        }
        return account;
    }

    /** Moves the account to another status; the reason goes to its history. An invalid move answers 409. */
    @Transactional
    public OfficialAccount changeStatus(UUID id, String ifMatch, OfficialAccountStatusChange change) {
        OfficialAccount account = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, account.version);
        }
        AccountStatus from = account.status;
        if (!from.canMoveTo(change.status())) {
            throw ProblemException.invalidTransition("official-account.status-move", from, change.status());
        }
        account.status = change.status();
        account.statusReason = change.reason().strip();
        account.updatedAt = Instant.now();
        accounts.flush();
        audit.record(account.institutionId, "OFFICIAL_ACCOUNT_STATUS_CHANGED", AUDIT_TARGET, account.id, from.name(),
                account.status.name(), account.statusReason);
        return account;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        OfficialAccount account = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, account.version);
        }
        audit.record(account.institutionId, "OFFICIAL_ACCOUNT_DELETED", AUDIT_TARGET, account.id,
                history.diff().field("platform", account.platform, null).field("handle", account.handle, null)
                        .field("status", account.status, null).before(),
                null, null);
        accounts.delete(account);
    }

    /** The account's recorded changes, oldest first; 404 when the account is not the caller's. */
    public PageResponse<HistoryEntry> history(UUID id, PageRequest page) {
        OfficialAccount account = get(id);
        return history.page(AUDIT_TARGET, account.id, page);
    }

    private static void apply(OfficialAccount account, OfficialAccountRequest request) {
        account.platform = request.platform();
        account.handle = validHandle(request);
        account.displayName = request.displayName().strip();
        account.url = request.url();
    }

    private static String validHandle(OfficialAccountRequest request) {
        String handle = Handles.normalise(request.platform(), request.handle());
        if (handle.length() > MAX_HANDLE || !Handles.isValid(request.platform(), handle)) {
            throw ProblemException.invalid("handle", "official-account.handle-platform");
        }
        return handle;
    }

    /** Writes now, so that a (platform, handle) already claimed by any institution answers 409. */
    private void flushClaim(OfficialAccount account) {
        try {
            accounts.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException violation && UNIQUE_HANDLE.equals(violation.getConstraintName())
                    || e.getCause() instanceof ConstraintViolationException cause && UNIQUE_HANDLE.equals(cause.getConstraintName())) {
                throw ProblemException.duplicate("official-account.claimed", account.platform, account.handle);
            }
            throw e;
        }
    }
}
