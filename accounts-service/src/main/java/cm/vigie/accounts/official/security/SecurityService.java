package cm.vigie.accounts.official.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.accounts.history.History;
import cm.vigie.accounts.institution.InstitutionRepository;
import cm.vigie.accounts.official.OfficialAccount;
import cm.vigie.accounts.official.OfficialAccountRepository;
import cm.vigie.accounts.official.OfficialAccountService;
import cm.vigie.accounts.official.custodian.Custodian;
import cm.vigie.accounts.official.custodian.CustodianRepository;
import cm.vigie.accounts.official.custodian.CustodianRole;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.tenancy.CurrentInstitution;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class SecurityService {

    private final OfficialAccountService accounts;
    private final OfficialAccountRepository accountRepository;
    private final SecurityPostureRepository postures;
    private final CustodianRepository custodians;
    private final InstitutionRepository institutions;
    private final CurrentInstitution currentInstitution;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final History history;
    private final SecurityAssessor assessor;

    SecurityService(OfficialAccountService accounts, OfficialAccountRepository accountRepository,
            SecurityPostureRepository postures, CustodianRepository custodians, InstitutionRepository institutions,
            CurrentInstitution currentInstitution, SecurityIdentity identity, AuditLog audit, History history,
            SecurityPostureConfig config) {
        this.accounts = accounts;
        this.accountRepository = accountRepository;
        this.postures = postures;
        this.custodians = custodians;
        this.institutions = institutions;
        this.currentInstitution = currentInstitution;
        this.identity = identity;
        this.audit = audit;
        this.history = history;
        this.assessor = new SecurityAssessor(config.rotationMaxAgeDays(), config.reviewMaxAgeDays(),
                Set.copyOf(config.personalEmailDomains()));
    }

    /** The score and findings of one account of the caller's institution. */
    public SecurityView assess(UUID accountId) {
        OfficialAccount account = accounts.get(accountId);
        SecurityPosture posture = postures.findByIdOptional(account.id).orElse(null);
        List<Custodian> held = custodians.ofAccount(account.id);
        SecurityAssessor.Assessment assessment = assessor.assess(inputs(account, posture, held, emailDomain()));
        return new SecurityView(account.id, account.platform, account.handle, account.status, assessment.score(),
                assessment.findings(), SecurityPostureView.of(posture), Instant.now());
    }

    /** Declares (or replaces) the account's posture; the change goes to its history. */
    @Transactional
    public SecurityPosture declare(UUID accountId, String ifMatch, SecurityPostureRequest request) {
        OfficialAccount account = accounts.get(accountId);
        SecurityPosture posture = postures.findByIdOptional(account.id).orElse(null);
        boolean created = posture == null;
        if (created) {
            posture = new SecurityPosture();
            posture.accountId = account.id;
        } else if (ifMatch != null) {
            ETags.requireMatch(ifMatch, posture.version);
        }
        String email = request.recoveryEmail() == null || request.recoveryEmail().isBlank() ? null
                : request.recoveryEmail().strip().toLowerCase(java.util.Locale.ROOT);
        History.Diff diff = history.diff()
                .field("twoFactorEnabled", created ? null : posture.twoFactorEnabled, request.twoFactorEnabled())
                .field("recoveryEmail", created ? null : posture.recoveryEmail, email)
                .field("credentialsRotatedOn", created ? null : posture.credentialsRotatedOn, request.credentialsRotatedOn())
                .field("adminCount", created ? null : posture.adminCount, request.adminCount())
                .field("backupAdminPresent", created ? null : posture.backupAdminPresent, request.backupAdminPresent())
                .field("lastReviewOn", created ? null : posture.lastReviewOn, request.lastReviewOn());
        posture.twoFactorEnabled = request.twoFactorEnabled();
        posture.recoveryEmail = email;
        posture.credentialsRotatedOn = request.credentialsRotatedOn();
        posture.adminCount = request.adminCount();
        posture.backupAdminPresent = request.backupAdminPresent();
        posture.lastReviewOn = request.lastReviewOn();
        if (created || !diff.isEmpty()) {
            posture.updatedAt = Instant.now();
            posture.updatedBy = identity.getPrincipal().getName();
        }
        if (created) {
            postures.persist(posture);
        }
        postures.flush();
        if (!diff.isEmpty()) {
            audit.record(account.institutionId, "OFFICIAL_ACCOUNT_SECURITY_DECLARED", OfficialAccountService.AUDIT_TARGET,
                    account.id, created ? null : diff.before(), diff.after(), null);
        }
        return posture;
    }

    /** Every account of the caller's institution, lowest score first. */
    public SecurityReport report() {
        List<OfficialAccount> all = accountRepository.listAll();
        List<UUID> ids = all.stream().map(a -> a.id).toList();
        Map<UUID, SecurityPosture> byAccount = new HashMap<>();
        if (!ids.isEmpty()) {
            postures.list("accountId in ?1", ids).forEach(p -> byAccount.put(p.accountId, p));
        }
        Map<UUID, List<Custodian>> custodiansByAccount = new HashMap<>();
        custodians.ofAccounts(ids).forEach(c -> custodiansByAccount.computeIfAbsent(c.accountId, k -> new ArrayList<>()).add(c));
        String domain = emailDomain();

        List<SecurityReport.Item> items = new ArrayList<>();
        Map<FindingCode, Integer> counts = new EnumMap<>(FindingCode.class);
        for (OfficialAccount account : all) {
            SecurityAssessor.Assessment assessment = assessor.assess(inputs(account, byAccount.get(account.id),
                    custodiansByAccount.getOrDefault(account.id, List.of()), domain));
            Set<FindingCode> seen = new HashSet<>();
            for (Finding finding : assessment.findings()) {
                if (seen.add(finding.code())) {
                    counts.merge(finding.code(), 1, Integer::sum);
                }
            }
            items.add(new SecurityReport.Item(account.id, account.platform, account.handle, account.displayName,
                    account.status, assessment.score(), assessment.findings().stream().map(Finding::code).toList()));
        }
        // pages still in the hands of someone who left come first, whatever their score
        items.sort(Comparator.comparing((SecurityReport.Item i) -> !i.findings().contains(FindingCode.FORMER_MEMBER_STILL_CUSTODIAN))
                .thenComparingInt(SecurityReport.Item::score).thenComparing(i -> i.platform().name())
                .thenComparing(SecurityReport.Item::handle));
        List<SecurityReport.FindingCount> findingCounts = counts.entrySet().stream()
                .map(e -> new SecurityReport.FindingCount(e.getKey(), e.getKey().severity(), e.getValue()))
                .sorted(Comparator.comparing((SecurityReport.FindingCount f) -> f.code() != FindingCode.FORMER_MEMBER_STILL_CUSTODIAN)
                        .thenComparing(Comparator.comparingInt(SecurityReport.FindingCount::accounts).reversed())
                        .thenComparing(SecurityReport.FindingCount::severity))
                .toList();
        Integer average = items.isEmpty() ? null
                : (int) Math.round(items.stream().mapToInt(SecurityReport.Item::score).average().orElse(0));
        return new SecurityReport(Instant.now(), items.size(), average, findingCounts, items);
    }

    private static SecurityAssessor.Inputs inputs(OfficialAccount account, SecurityPosture posture, List<Custodian> held,
            String domain) {
        boolean backup = held.stream().anyMatch(c -> c.role == CustodianRole.BACKUP && c.formerMemberSince == null);
        List<String> former = held.stream().filter(c -> c.formerMemberSince != null).map(c -> c.userName).sorted().toList();
        return new SecurityAssessor.Inputs(account.status, posture, domain, held.size(), backup,
                LocalDate.now(ZoneOffset.UTC), former);
    }

    private String emailDomain() {
        return currentInstitution.slug().flatMap(institutions::findBySlug).map(i -> i.emailDomain).orElse(null);
    }
}
