package cm.vigie.accounts.signin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.accounts.history.History;
import cm.vigie.accounts.institution.InstitutionRepository;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Reads and sets the caller's institution's sign-in policy. The realm is what is in force: a change is applied to it
 * first, and the answer is read back from it; the row in accounts' database carries the two-factor scope, the version
 * behind If-Match and who changed it.
 */
@ApplicationScoped
public class SignInPolicyService {

    static final String AUDIT_ACTION = "SIGN_IN_POLICY_CHANGED";
    static final String AUDIT_TARGET = "INSTITUTION";

    /** The view and the version its ETag carries. */
    public record Versioned(SignInPolicyView view, long version) {
    }

    private final SignInPolicyRepository policies;
    private final SignInRealm realm;
    private final SignInBounds bounds;
    private final CurrentInstitution currentInstitution;
    private final InstitutionRepository institutions;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final History history;

    SignInPolicyService(SignInPolicyRepository policies, SignInRealm realm, SignInBounds bounds,
            CurrentInstitution currentInstitution, InstitutionRepository institutions, SecurityIdentity identity,
            AuditLog audit, History history) {
        this.policies = policies;
        this.realm = realm;
        this.bounds = bounds;
        this.currentInstitution = currentInstitution;
        this.institutions = institutions;
        this.identity = identity;
        this.audit = audit;
        this.history = history;
    }

    public Versioned get() {
        String slug = slug();
        SignInPolicy policy = policies.findByIdOptional(slug).orElse(null);
        return new Versioned(view(slug, policy, false), etag(policy));
    }

    /** 0 before any row (the template's policy), then the row's version plus one. */
    private static long etag(SignInPolicy policy) {
        return policy == null ? 0 : policy.version + 1;
    }

    /** Whether a member of the institution holding these roles must sign in with a second factor. */
    public boolean twoFactorRequired(String institution, java.util.Collection<String> roles) {
        return policies.findByIdOptional(institution).map(policy -> switch (policy.twoFactor) {
            case NONE -> false;
            case ALL -> true;
            case ROLES -> roles.stream().anyMatch(policy.roles()::contains);
        }).orElse(false);
    }

    @Transactional
    public Versioned update(String ifMatch, SignInPolicyRequest request) {
        String slug = slug();
        SignInPolicy policy = policies.findByIdOptional(slug).orElse(null);
        // no row yet: the policy as the realm template made it, version 0
        ETags.requireMatch(ifMatch, etag(policy));
        List<FieldError> errors = SignInPolicyChecks.check(request, bounds);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
        List<String> roles = request.twoFactor().required() == TwoFactorScope.ROLES
                ? request.twoFactor().roles().stream().sorted().toList() : List.of();

        SignInRealm.InForce before = realm.read(slug);
        String passwordPolicy = PasswordPolicy.toKeycloak(request.password(), before.passwordPolicy());
        int idle = request.sessions().idleMinutes() * 60;
        int max = request.sessions().maxHours() * 3600;
        realm.apply(slug, passwordPolicy, idle, max);
        realm.syncEnrolment(slug, request.twoFactor().required(), roles, true);

        boolean created = policy == null;
        History.Diff diff = history.diff()
                .field("twoFactor", created ? null : policy.twoFactor, request.twoFactor().required())
                .field("twoFactorRoles", created ? null : policy.twoFactorRoles, String.join(",", roles))
                .field("passwordPolicy", before.passwordPolicy(), passwordPolicy)
                .field("sessionIdleSeconds", before.idleSeconds(), idle)
                .field("sessionMaxSeconds", before.maxSeconds(), max);
        if (created) {
            policy = new SignInPolicy();
            policy.institutionId = slug;
        }
        policy.twoFactor = request.twoFactor().required();
        policy.twoFactorRoles = String.join(",", roles);
        if (created || !diff.isEmpty()) {
            policy.updatedAt = Instant.now();
            policy.updatedBy = identity.getPrincipal().getName();
        }
        if (created) {
            policies.persist(policy);
        }
        policies.flush();
        if (!diff.isEmpty()) {
            audit.record(slug, AUDIT_ACTION, AUDIT_TARGET, institutionId(slug), created ? null : diff.before(),
                    diff.after(), null);
        }
        return new Versioned(view(slug, policy, false), etag(policy));
    }

    private SignInPolicyView view(String slug, SignInPolicy policy, boolean enforce) {
        SignInRealm.InForce inForce = realm.read(slug);
        TwoFactorScope scope = policy == null ? TwoFactorScope.NONE : policy.twoFactor;
        List<String> roles = policy == null ? List.of() : policy.roles();
        int pending = scope == TwoFactorScope.NONE ? 0 : realm.syncEnrolment(slug, scope, roles, enforce);
        return new SignInPolicyView(
                new SignInPolicyView.TwoFactorView(scope, roles, List.of("TOTP"), pending),
                PasswordPolicy.fromKeycloak(inForce.passwordPolicy()), inForce.passwordPolicy(),
                new SessionLifetimes(inForce.idleSeconds() / 60, inForce.maxSeconds() / 3600),
                SignInPolicyView.Bounds.of(bounds),
                policy == null ? null : policy.updatedAt, policy == null ? null : policy.updatedBy);
    }

    private UUID institutionId(String slug) {
        return institutions.findBySlug(slug).map(i -> i.id).orElse(null);
    }

    private String slug() {
        return currentInstitution.slug().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "sign-in.institution-only"));
    }
}
