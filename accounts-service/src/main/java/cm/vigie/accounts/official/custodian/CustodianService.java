package cm.vigie.accounts.official.custodian;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.accounts.official.OfficialAccount;
import cm.vigie.accounts.official.OfficialAccountService;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.problem.ProblemException;

@ApplicationScoped
public class CustodianService {

    private final CustodianRepository custodians;
    private final OfficialAccountService accounts;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final CustodianMembership membership;

    CustodianService(CustodianRepository custodians, OfficialAccountService accounts, AuditLog audit, ObjectMapper json,
            CustodianMembership membership) {
        this.custodians = custodians;
        this.accounts = accounts;
        this.audit = audit;
        this.json = json;
        this.membership = membership;
    }

    public List<CustodianEntry> list(UUID accountId) {
        OfficialAccount account = accounts.get(accountId);
        return custodians.ofAccount(account.id).stream().map(CustodianEntry::of).toList();
    }

    /** Replaces the custodians of an account; the change (before and after) goes to the account's history. */
    @Transactional
    public List<CustodianEntry> replace(UUID accountId, CustodianList request) {
        OfficialAccount account = accounts.get(accountId);
        List<CustodianEntry> wanted = request.custodians().stream()
                .map(entry -> new CustodianEntry(entry.user().strip(), entry.role())).toList();
        check(wanted);
        for (int i = 0; i < wanted.size(); i++) {
            if (!membership.isActiveMember(account.institutionId, wanted.get(i).user())) {
                throw ProblemException.invalid("custodians[" + i + "].user", "custodian.not-a-member");
            }
        }
        List<CustodianEntry> before = custodians.ofAccount(account.id).stream().map(CustodianEntry::of).toList();
        custodians.deleteOfAccount(account.id);
        custodians.flush();
        Instant now = Instant.now();
        for (CustodianEntry entry : wanted) {
            Custodian custodian = new Custodian();
            custodian.id = UUID.randomUUID();
            custodian.accountId = account.id;
            custodian.userName = entry.user();
            custodian.role = entry.role();
            custodian.createdAt = now;
            custodians.persist(custodian);
        }
        custodians.flush();
        List<CustodianEntry> after = custodians.ofAccount(account.id).stream().map(CustodianEntry::of).toList();
        if (!Set.copyOf(before).equals(Set.copyOf(after))) {
            audit.record(account.institutionId, "OFFICIAL_ACCOUNT_CUSTODIANS_CHANGED", OfficialAccountService.AUDIT_TARGET,
                    account.id, write(before), write(after), null);
        }
        return after;
    }

    private static void check(List<CustodianEntry> wanted) {
        Set<String> users = new HashSet<>();
        for (CustodianEntry entry : wanted) {
            if (!users.add(entry.user().toLowerCase(java.util.Locale.ROOT))) {
                throw ProblemException.invalid("custodians", "custodian.duplicate-user");
            }
        }
        if (!wanted.isEmpty() && wanted.stream().noneMatch(entry -> entry.role() == CustodianRole.OWNER)) {
            throw ProblemException.invalid("custodians", "custodian.owner-required");
        }
    }

    private String write(List<CustodianEntry> entries) {
        try {
            return json.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
