package cm.vigie.accounts.member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import cm.vigie.accounts.history.History;
import cm.vigie.accounts.history.HistoryEntry;
import cm.vigie.accounts.institution.Institution;
import cm.vigie.accounts.institution.InstitutionRepository;
import cm.vigie.accounts.keycloak.KeycloakAdminException;
import cm.vigie.accounts.keycloak.RealmMembers;
import cm.vigie.accounts.keycloak.RealmUser;
import cm.vigie.accounts.keycloak.TemporaryPasswords;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.commons.tenancy.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The members of an institution: users of its Keycloak realm, managed by its institution admins. Keycloak holds the
 * members; accounts' database holds their versions (If-Match) and their history (audit trail). Each change runs in a
 * transaction that holds the institution's member lock, checks, changes Keycloak, then records; events go out after
 * it committed.
 */
@ApplicationScoped
public class MemberService {

    public static final String AUDIT_TARGET = "MEMBER";
    private static final Logger LOG = Logger.getLogger(MemberService.class);
    private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final RealmMembers members;
    private final MemberVersions versions;
    private final AuditLog audit;
    private final History history;
    private final CurrentInstitution currentInstitution;
    private final SecurityIdentity identity;
    private final InstitutionRepository institutions;
    private final TwoFactorRequirement twoFactor;
    private final CustodianHandOver custodians;
    private final Event<MemberDeactivated> deactivated;

    MemberService(RealmMembers members, MemberVersions versions, AuditLog audit, History history,
            CurrentInstitution currentInstitution, SecurityIdentity identity, InstitutionRepository institutions,
            TwoFactorRequirement twoFactor, CustodianHandOver custodians, Event<MemberDeactivated> deactivated) {
        this.members = members;
        this.versions = versions;
        this.audit = audit;
        this.history = history;
        this.currentInstitution = currentInstitution;
        this.identity = identity;
        this.institutions = institutions;
        this.twoFactor = twoFactor;
        this.custodians = custodians;
        this.deactivated = deactivated;
    }

    /** A member and the version its ETag carries. */
    public record Versioned<T>(T value, long version) {
    }

    public Versioned<MemberAnswers.Activation> invite(InvitationRequest request) {
        String slug = slug();
        List<String> roles = validRoles(request.roles());
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        List<String> actions = new ArrayList<>(List.of(RealmMembers.UPDATE_PASSWORD));
        if (twoFactor.requiredFor(slug, roles)) {
            actions.add(RealmMembers.CONFIGURE_TOTP);
        }
        String secret = TemporaryPasswords.generate();
        return QuarkusTransaction.requiringNew().call(() -> {
            versions.lockInstitution(slug);
            String id = keycloak(() -> members.create(slug, new RealmMembers.NewUser(email, email,
                    request.firstName().strip(), request.lastName().strip(), request.locale(), roles, actions, secret)));
            RealmUser user = keycloak(() -> members.get(slug, id, RealmMembers.Detail.FULL));
            long version = versions.bump(slug, id);
            audit.record(slug, "MEMBER_INVITED", AUDIT_TARGET, targetId(id), null,
                    history.diff().field("username", null, email).field("roles", null, roles)
                            .field("requiredActions", null, actions).after(), null);
            LOG.infof("Invited member %s into realm %s with roles %s", id, slug, roles);
            return new Versioned<>(new MemberAnswers.Activation(MemberView.full(user), secret), version);
        });
    }

    public PageResponse<MemberView> list(PageRequest page) {
        String slug = slug();
        boolean admin = isAdmin();
        List<RealmUser> users = keycloak(() -> members.page(slug, page.offset(), page.size,
                admin ? RealmMembers.Detail.FULL : RealmMembers.Detail.ROLES));
        long total = keycloak(() -> members.count(slug));
        return new PageResponse<>(users.stream().map(admin ? MemberView::full : MemberView::restricted).toList(),
                page.page, page.size, total);
    }

    public Versioned<MemberView> get(String id) {
        String slug = slug();
        boolean admin = isAdmin();
        RealmUser user = find(slug, id, admin ? RealmMembers.Detail.FULL : RealmMembers.Detail.ROLES);
        long version = QuarkusTransaction.requiringNew().call(() -> versions.current(slug, user.id()));
        return new Versioned<>(admin ? MemberView.full(user) : MemberView.restricted(user), version);
    }

    /** Replaces the member's roles; effective at their next token (access tokens already issued keep theirs). */
    public Versioned<MemberView> changeRoles(String id, String ifMatch, RolesChange change) {
        String slug = slug();
        List<String> roles = validRoles(change.roles());
        return QuarkusTransaction.requiringNew().call(() -> {
            versions.lockInstitution(slug);
            RealmUser user = find(slug, id, RealmMembers.Detail.FULL);
            ETags.requireMatch(ifMatch, versions.current(slug, user.id()));
            if (new LinkedHashSet<>(roles).equals(new LinkedHashSet<>(user.roles()))) {
                return new Versioned<>(MemberView.full(refreshed(slug, id)), versions.current(slug, id));
            }
            if (user.roles().contains(Roles.INSTITUTION_ADMIN) && !roles.contains(Roles.INSTITUTION_ADMIN)) {
                requireAnotherAdmin(slug, user);
            }
            boolean mustEnrol = !user.twoFactorEnrolled() && twoFactor.requiredFor(slug, roles);
            keycloak(() -> {
                members.setRoles(slug, id, roles);
                if (mustEnrol) {
                    // promoted into a role the sign-in policy protects: enrol at the next sign-in, as an invitee would
                    members.requireAction(slug, id, RealmMembers.CONFIGURE_TOTP);
                }
                return null;
            });
            long version = versions.bump(slug, id);
            audit.record(slug, "MEMBER_ROLES_CHANGED", AUDIT_TARGET, targetId(id),
                    history.diff().field("roles", null, user.roles()).after(),
                    history.diff().field("roles", null, roles).after(), null);
            return new Versioned<>(MemberView.full(refreshed(slug, id)), version);
        });
    }

    public Versioned<MemberAnswers.Deactivation> disable(String id, DeactivationRequest request) {
        String slug = slug();
        String reason = reason(request);
        Versioned<MemberAnswers.Deactivation> result = QuarkusTransaction.requiringNew().call(() -> {
            versions.lockInstitution(slug);
            RealmUser user = find(slug, id, RealmMembers.Detail.ROLES);
            if (!user.enabled()) {
                return new Versioned<>(new MemberAnswers.Deactivation(MemberView.full(refreshed(slug, id)),
                        custodians.pagesOf(slug, user.username())), versions.current(slug, id));
            }
            if (user.roles().contains(Roles.INSTITUTION_ADMIN)) {
                requireAnotherAdmin(slug, user);
            }
            keycloak(() -> {
                members.setEnabled(slug, id, false);
                members.signOut(slug, id);
                return null;
            });
            long version = versions.bump(slug, id);
            audit.record(slug, "MEMBER_DISABLED", AUDIT_TARGET, targetId(id), MemberStatus.of(user).name(),
                    MemberStatus.DISABLED.name(), reason);
            return new Versioned<>(new MemberAnswers.Deactivation(MemberView.full(refreshed(slug, id)),
                    custodians.pagesOf(slug, user.username())), version);
        });
        deactivated.fire(new MemberDeactivated(slug, result.value().member().username(), id,
                MemberDeactivated.Reason.DISABLED));
        return result;
    }

    public Versioned<MemberView> enable(String id) {
        String slug = slug();
        return QuarkusTransaction.requiringNew().call(() -> {
            versions.lockInstitution(slug);
            RealmUser user = find(slug, id, RealmMembers.Detail.ROLES);
            if (user.enabled()) {
                return new Versioned<>(MemberView.full(refreshed(slug, id)), versions.current(slug, id));
            }
            keycloak(() -> {
                members.setEnabled(slug, id, true);
                return null;
            });
            RealmUser after = refreshed(slug, id);
            long version = versions.bump(slug, id);
            audit.record(slug, "MEMBER_ENABLED", AUDIT_TARGET, targetId(id), MemberStatus.DISABLED.name(),
                    MemberStatus.of(after).name(), null);
            return new Versioned<>(MemberView.full(after), version);
        });
    }

    /** A new one-time secret; the member must choose a new password at their next sign-in, and is signed out now. */
    public Versioned<MemberAnswers.Activation> resetCredentials(String id) {
        String slug = slug();
        String secret = TemporaryPasswords.generate();
        return QuarkusTransaction.requiringNew().call(() -> {
            versions.lockInstitution(slug);
            RealmUser user = find(slug, id, RealmMembers.Detail.ROLES);
            keycloak(() -> {
                members.resetCredentials(slug, id, secret);
                return null;
            });
            RealmUser after = refreshed(slug, id);
            long version = versions.bump(slug, id);
            audit.record(slug, "MEMBER_CREDENTIALS_RESET", AUDIT_TARGET, targetId(id), MemberStatus.of(user).name(),
                    MemberStatus.of(after).name(), null);
            return new Versioned<>(new MemberAnswers.Activation(MemberView.full(after), secret), version);
        });
    }

    /** Ends every session: refresh tokens fail at once, access tokens already issued lapse within their lifetime. */
    public MemberView signOut(String id) {
        String slug = slug();
        return QuarkusTransaction.requiringNew().call(() -> {
            RealmUser user = find(slug, id, null);
            keycloak(() -> {
                members.signOut(slug, user.id());
                return null;
            });
            audit.record(slug, "MEMBER_SIGNED_OUT", AUDIT_TARGET, targetId(id), null, null, null);
            return MemberView.full(refreshed(slug, id));
        });
    }

    public MemberAnswers.Deactivation remove(String id, DeactivationRequest request) {
        String slug = slug();
        String reason = reason(request);
        MemberAnswers.Deactivation result = QuarkusTransaction.requiringNew().call(() -> {
            versions.lockInstitution(slug);
            RealmUser user = find(slug, id, RealmMembers.Detail.FULL);
            if (user.enabled() && user.roles().contains(Roles.INSTITUTION_ADMIN)) {
                requireAnotherAdmin(slug, user);
            }
            List<PageToHandOver> pages = custodians.pagesOf(slug, user.username());
            keycloak(() -> {
                members.remove(slug, id);
                return null;
            });
            versions.forget(slug, id);
            audit.record(slug, "MEMBER_REMOVED", AUDIT_TARGET, targetId(id),
                    history.diff().field("username", null, user.username()).field("roles", null, user.roles()).after(),
                    null, reason);
            return new MemberAnswers.Deactivation(MemberView.full(user), pages);
        });
        deactivated.fire(new MemberDeactivated(slug, result.member().username(), id, MemberDeactivated.Reason.REMOVED));
        return result;
    }

    /** Readable while the member exists, and afterwards if this institution recorded changes of them. */
    public PageResponse<HistoryEntry> history(String id, PageRequest page) {
        String slug = slug();
        UUID target = targetId(validId(id));
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean recorded = audit.count("institutionId = ?1 and targetType = ?2 and targetId = ?3", slug,
                    AUDIT_TARGET, target) > 0;
            if (!recorded) {
                find(slug, id, null);
            }
            return history.page(AUDIT_TARGET, target, page);
        });
    }

    /** For operators: the team of one institution. */
    public MemberAnswers.Summary summary(UUID institutionId) {
        Institution institution = institution(institutionId);
        List<RealmUser> users = keycloak(() -> members.all(institution.slug));
        int active = 0, invited = 0, disabled = 0, enrolled = 0;
        List<MemberAnswers.PendingInvitation> pending = new ArrayList<>();
        for (RealmUser user : users) {
            switch (MemberStatus.of(user)) {
                case ACTIVE -> active++;
                case INVITED -> {
                    invited++;
                    pending.add(new MemberAnswers.PendingInvitation(user.id(), user.username(), user.roles(),
                            user.createdAt()));
                }
                case DISABLED -> disabled++;
            }
            if (user.enabled() && user.twoFactorEnrolled()) {
                enrolled++;
            }
        }
        int enabled = active + invited;
        int coverage = enabled == 0 ? 100 : Math.round(100f * enrolled / enabled);
        return new MemberAnswers.Summary(institution.id, institution.slug, users.size(), active, invited, disabled,
                enrolled, coverage, pending);
    }

    /**
     * For operators: a new one-time secret for the institution's first administrator (its oldest institution-admin),
     * while they have not activated; 409 once they have.
     */
    public MemberAnswers.AdminActivation resendAdminActivation(UUID institutionId) {
        Institution institution = institution(institutionId);
        String slug = institution.slug;
        String secret = TemporaryPasswords.generate();
        return QuarkusTransaction.requiringNew().call(() -> {
            versions.lockInstitution(slug);
            RealmUser first = keycloak(() -> members.all(slug)).stream()
                    .filter(user -> user.roles().contains(Roles.INSTITUTION_ADMIN))
                    .min(java.util.Comparator.comparing(RealmUser::createdAt,
                            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                    .orElseThrow(() -> ProblemException.conflict("member.first-admin-missing", slug));
            if (MemberStatus.of(first) != MemberStatus.INVITED) {
                throw ProblemException.conflict("member.first-admin-activated", first.username());
            }
            keycloak(() -> {
                members.resetCredentials(slug, first.id(), secret);
                return null;
            });
            versions.bump(slug, first.id());
            audit.record(slug, "MEMBER_ADMIN_ACTIVATION_RESENT", AUDIT_TARGET, targetId(first.id()), null, null, null);
            return new MemberAnswers.AdminActivation(first.id(), first.username(), first.email(), secret);
        });
    }

    private Institution institution(UUID id) {
        return institutions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("institution.not-found"));
    }

    /** The last enabled, activated institution-admin can never lose the role or the access. */
    private void requireAnotherAdmin(String slug, RealmUser user) {
        boolean another = keycloak(() -> members.enabledWithRole(slug, Roles.INSTITUTION_ADMIN)).stream()
                .anyMatch(admin -> !admin.id().equals(user.id()) && !admin.mustSetPassword());
        if (!another) {
            throw ProblemException.conflict("member.last-admin", user.username());
        }
    }

    private RealmUser find(String slug, String id, RealmMembers.Detail detail) {
        String valid = validId(id);
        return keycloak(() -> members.get(slug, valid, detail));
    }

    private RealmUser refreshed(String slug, String id) {
        return keycloak(() -> members.get(slug, id, RealmMembers.Detail.FULL));
    }

    private static String validId(String id) {
        if (id == null || !MEMBER_ID.matcher(id).matches()) {
            throw ProblemException.notFound("member.not-found");
        }
        return id;
    }

    private static List<String> validRoles(Collection<String> requested) {
        List<String> roles = new ArrayList<>();
        for (String role : requested) {
            String name = role == null ? "" : role.strip();
            if (!RealmMembers.INSTITUTION_ROLES.contains(name)) {
                throw ProblemException.invalid("roles", "member.role-unknown", name,
                        String.join(", ", RealmMembers.INSTITUTION_ROLES));
            }
            if (!roles.contains(name)) {
                roles.add(name);
            }
        }
        roles.sort(java.util.Comparator.comparingInt(RealmMembers.INSTITUTION_ROLES::indexOf));
        return roles;
    }

    private static String reason(DeactivationRequest request) {
        return request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
    }

    private String slug() {
        return currentInstitution.slug().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "member.no-institution"));
    }

    private boolean isAdmin() {
        return identity.hasRole(Roles.INSTITUTION_ADMIN);
    }

    /** The audit trail keys targets by UUID; Keycloak's ids are UUIDs, any other id gets a stable name-based one. */
    static UUID targetId(String memberId) {
        try {
            return UUID.fromString(memberId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(memberId.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static <T> T keycloak(Supplier<T> call) {
        try {
            return call.get();
        } catch (KeycloakAdminException e) {
            LOG.warnf("Keycloak admin call failed (%s): %s", e.reason(), e.getMessage());
            throw switch (e.reason()) {
                case NOT_FOUND, REALM_MISSING -> ProblemException.notFound("member.not-found");
                case EXISTS, REALM_EXISTS -> ProblemException.conflict("member.exists");
                case REJECTED -> new ProblemException(ProblemType.UNPROCESSABLE, "member.keycloak-rejected");
                case UNAVAILABLE, FAILED -> new ProblemException(ProblemType.UNAVAILABLE, "keycloak.unavailable");
            };
        }
    }
}
