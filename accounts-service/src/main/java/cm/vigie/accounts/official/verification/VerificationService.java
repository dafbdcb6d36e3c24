package cm.vigie.accounts.official.verification;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cm.vigie.accounts.history.History;
import cm.vigie.accounts.official.IdentityChanged;
import cm.vigie.accounts.official.OfficialAccount;
import cm.vigie.accounts.official.OfficialAccountService;
import cm.vigie.accounts.official.Verification;
import cm.vigie.accounts.official.verification.profile.ProfileReader;
import cm.vigie.accounts.official.verification.profile.ProfileReaders;
import cm.vigie.accounts.official.verification.profile.ProfileText;
import cm.vigie.accounts.official.verification.profile.ProfileUnavailable;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The custodian's side of proving ownership: a code to put on the page, then the evidence. A connector that finds
 * the code verifies the account by itself only when the account resembles nobody else's; every other claim waits
 * for a platform operator ({@link VerificationQueue}).
 */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);
    /** No 0/O, 1/I/L: codes are retyped by hand into page bios. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 10;
    static final String CONNECTOR = "connector";

    private final SecureRandom random = new SecureRandom();
    private final OfficialAccountService accounts;
    private final VerificationClaimRepository claims;
    private final ResemblanceFinder resemblances;
    private final ProfileReaders readers;
    private final VerificationConfig config;
    private final AuditLog audit;
    private final History history;
    private final SecurityIdentity identity;

    VerificationService(OfficialAccountService accounts, VerificationClaimRepository claims,
            ResemblanceFinder resemblances, ProfileReaders readers, VerificationConfig config, AuditLog audit,
            History history, SecurityIdentity identity) {
        this.accounts = accounts;
        this.claims = claims;
        this.resemblances = resemblances;
        this.readers = readers;
        this.config = config;
        this.audit = audit;
        this.history = history;
        this.identity = identity;
    }

    /** A fresh code replaces any previous one (and withdraws a claim waiting in the queue). */
    @Transactional
    public VerificationClaim issue(UUID accountId) {
        OfficialAccount account = accounts.get(accountId);
        if (account.verification == Verification.VERIFIED) {
            throw ProblemException.invalidTransition("verification.already-verified");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        VerificationClaim claim = claims.findByAccount(accountId).orElseGet(() -> {
            VerificationClaim created = new VerificationClaim();
            created.id = UUID.randomUUID();
            created.accountId = accountId;
            return created;
        });
        ClaimState before = claim.state;
        claim.state = ClaimState.CHALLENGED;
        claim.code = newCode();
        claim.codeIssuedAt = now;
        claim.codeExpiresAt = now.plus(config.codeTtl());
        claim.codeIssuedBy = actor();
        claim.evidenceUrl = null;
        claim.submittedAt = null;
        claim.submittedBy = null;
        claim.checkOutcome = null;
        claim.resembles = new ArrayList<>();
        claim.decidedAt = null;
        claim.decidedBy = null;
        claim.decisionReason = null;
        claims.persist(claim);
        if (account.verification == Verification.REJECTED) {
            account.verification = Verification.PENDING_VERIFICATION;
            account.updatedAt = now;
        }
        audit.record(account.institutionId, "OFFICIAL_ACCOUNT_VERIFICATION_CODE_ISSUED", OfficialAccountService.AUDIT_TARGET,
                account.id, before == null ? null : before.name(),
                history.diff().field("claim", null, ClaimState.CHALLENGED).field("expiresAt", null, claim.codeExpiresAt)
                        .after(),
                null);
        return claim;
    }

    /** The account's current claim; 404 when there is none (no code was ever asked for). */
    public VerificationClaim current(UUID accountId) {
        accounts.get(accountId);
        return claims.findByAccount(accountId).orElseThrow(() -> ProblemException.notFound("verification.no-claim"));
    }

    /**
     * Records the evidence; a connector reads the profile where it can. Verified at once only when the code is on
     * the profile and the account resembles no other institution's account or protected person.
     */
    @Transactional
    public VerificationClaim check(UUID accountId, String evidenceUrl) {
        OfficialAccount account = accounts.get(accountId);
        if (account.verification == Verification.VERIFIED) {
            throw ProblemException.invalidTransition("verification.already-verified");
        }
        VerificationClaim claim = claims.findByAccount(accountId)
                .orElseThrow(() -> ProblemException.conflict("verification.no-code"));
        if (claim.state == ClaimState.QUEUED) {
            throw ProblemException.invalidTransition("verification.already-queued");
        }
        if (claim.state != ClaimState.CHALLENGED) {
            throw ProblemException.conflict("verification.no-code");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!now.isBefore(claim.codeExpiresAt)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "verification.code-expired", claim.codeExpiresAt);
        }
        List<Resembled> resembled = resemblances.of(account.institutionId, account.platform, account.handle,
                account.displayName);
        claim.evidenceUrl = evidenceUrl.strip();
        claim.submittedAt = now;
        claim.submittedBy = actor();
        claim.resembles = new ArrayList<>(resembled);
        claim.checkOutcome = readProfile(account, claim.code);
        boolean proven = claim.checkOutcome == CheckOutcome.CODE_FOUND && resembled.isEmpty();
        if (proven) {
            claim.state = ClaimState.VERIFIED;
            claim.decidedAt = now;
            claim.decidedBy = CONNECTOR;
            claim.decisionReason = "code found on the profile by the connector";
            account.verification = Verification.VERIFIED;
            account.verifiedAt = now;
            account.updatedAt = now;
        } else {
            claim.state = ClaimState.QUEUED;
        }
        claims.flush();
        audit.record(account.institutionId, "OFFICIAL_ACCOUNT_VERIFICATION_SUBMITTED", OfficialAccountService.AUDIT_TARGET,
                account.id, ClaimState.CHALLENGED.name(),
                history.diff().field("claim", null, claim.state).field("evidenceUrl", null, claim.evidenceUrl)
                        .field("check", null, claim.checkOutcome)
                        .field("resembles", null, resembled.isEmpty() ? null : summary(resembled)).after(),
                null);
        if (proven) {
            audit.record(account.institutionId, "OFFICIAL_ACCOUNT_VERIFIED", OfficialAccountService.AUDIT_TARGET,
                    account.id, Verification.PENDING_VERIFICATION.name(), Verification.VERIFIED.name(),
                    claim.decisionReason);
        }
        return claim;
    }

    /** The account's identity changed: whatever was proven or submitted was about another identity. */
    void onIdentityChanged(@Observes IdentityChanged changed) {
        claims.findByAccount(changed.accountId()).ifPresent(claims::delete);
    }

    private CheckOutcome readProfile(OfficialAccount account, String code) {
        Optional<ProfileReader> reader = readers.forPlatform(account.platform);
        if (reader.isEmpty()) {
            return CheckOutcome.NO_CONNECTOR;
        }
        try {
            ProfileText profile = reader.get().read(account.handle);
            return profile.contains(code) ? CheckOutcome.CODE_FOUND : CheckOutcome.CODE_NOT_FOUND;
        } catch (ProfileUnavailable e) {
            LOG.infof("Profile %s %s unreadable for verification: %s", account.platform, account.handle, e.getMessage());
            return CheckOutcome.PROFILE_UNAVAILABLE;
        }
    }

    private static String summary(List<Resembled> resembled) {
        return String.join(", ", resembled.stream().map(r -> r.ofAccount()
                ? r.institution() + " " + r.platform() + " @" + r.handle()
                : r.institution() + " person " + r.displayName()).toList());
    }

    private String newCode() {
        StringBuilder code = new StringBuilder("VIGIE-");
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    private String actor() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }
}
