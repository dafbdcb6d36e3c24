package cm.vigie.accounts.impersonation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.accounts.impersonation.engine.ImpersonationIndex;
import cm.vigie.accounts.impersonation.engine.PlatformHandle;
import cm.vigie.accounts.impersonation.engine.Reference;
import cm.vigie.accounts.impersonation.engine.ReferenceKind;
import cm.vigie.accounts.impersonation.engine.ScoringSettings;
import cm.vigie.accounts.official.OfficialAccount;
import cm.vigie.accounts.person.PersonHandle;
import cm.vigie.accounts.person.PhotoHashes;
import cm.vigie.accounts.person.ProtectedPerson;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;

/**
 * Impersonation indexes built from the database and kept fresh: each use first reads a cheap fingerprint of the
 * references (row count, latest change, sum of versions) and rebuilds only when it moved. The fingerprint is read
 * from the database, so a change made through any instance of the service (or any code path) is seen by all.
 */
@ApplicationScoped
public class ReferenceIndexes {

    /** Key of the platform-wide index of official accounts used by public verification. */
    private static final String PUBLIC = "*";
    /** Prefix of the keys of the indexes of every institution but one. */
    private static final String OTHERS = "-:";
    private static final String VERIFIED = "verification = 'VERIFIED'";

    private record Fingerprint(long accounts, Instant accountsChanged, long accountVersions, long persons,
            Instant personsChanged, long personVersions) {
    }

    private record Cached(Fingerprint fingerprint, ImpersonationIndex index) {
    }

    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final EntityManager entityManager;
    private final CurrentInstitution institution;
    private final ObjectMapper json;

    ReferenceIndexes(EntityManager entityManager, CurrentInstitution institution,
            ObjectMapper json) {
        this.entityManager = entityManager;
        this.institution = institution;
        this.json = json;
    }

    /** The caller's institution's protected persons and official accounts, for scoring. */
    public ImpersonationIndex forCallerInstitution() {
        String slug = institution.slug()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail"));
        Fingerprint now = tenantFingerprint();
        return refresh(slug, now, () -> buildTenant(slug));
    }

    /**
     * Every institution's verified official accounts, for the public "does this resemble an official account?" check.
     * Accounts still waiting for their proof are not references: an impersonator's claim must not become one.
     */
    public ImpersonationIndex publicOfficialAccounts() {
        Fingerprint now = publicFingerprint();
        return refresh(PUBLIC, now, this::buildPublic);
    }

    /**
     * The verified official accounts and the protected persons of every institution but this one: what a claim of
     * this institution must not resemble (docs/adr/0025-official-account-verification.md). Cross-institution, read
     * with native SQL; what it yields is shown to platform operators only, and to citizens only for accounts.
     */
    public ImpersonationIndex otherInstitutionsThan(String slug) {
        Fingerprint now = othersFingerprint();
        return refresh(OTHERS + slug, now, () -> buildOthers(slug));
    }

    private ImpersonationIndex refresh(String key, Fingerprint now, java.util.function.Supplier<ImpersonationIndex> build) {
        Cached cached = cache.get(key);
        if (cached != null && cached.fingerprint().equals(now)) {
            return cached.index();
        }
        ImpersonationIndex index = build.get();
        cache.put(key, new Cached(now, index));
        return index;
    }

    /** Tenant-filtered by Hibernate: only the caller's rows are counted. */
    private Fingerprint tenantFingerprint() {
        Tuple accounts = entityManager.createQuery(
                "select count(a) as n, max(a.updatedAt) as changed, coalesce(sum(a.version), 0) as versions from OfficialAccount a",
                Tuple.class).getSingleResult();
        Tuple persons = entityManager.createQuery(
                "select count(p) as n, max(p.updatedAt) as changed, coalesce(sum(p.version), 0) as versions from ProtectedPerson p",
                Tuple.class).getSingleResult();
        return new Fingerprint(number(accounts, "n"), accounts.get("changed", Instant.class), number(accounts, "versions"),
                number(persons, "n"), persons.get("changed", Instant.class), number(persons, "versions"));
    }

    /** Native SQL: the one read across institutions, of official accounts only. */
    private Fingerprint publicFingerprint() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select count(*), max(updated_at), coalesce(sum(version), 0) from official_account where " + VERIFIED)
                .getSingleResult();
        return new Fingerprint(((Number) row[0]).longValue(), toInstant(row[1]), ((Number) row[2]).longValue(), 0, null, 0);
    }

    private Fingerprint othersFingerprint() {
        Object[] persons = (Object[]) entityManager.createNativeQuery(
                "select count(*), max(updated_at), coalesce(sum(version), 0) from protected_person").getSingleResult();
        Fingerprint accounts = publicFingerprint();
        return new Fingerprint(accounts.accounts(), accounts.accountsChanged(), accounts.accountVersions(),
                ((Number) persons[0]).longValue(), toInstant(persons[1]), ((Number) persons[2]).longValue());
    }

    private ImpersonationIndex buildTenant(String slug) {
        List<Reference> references = new ArrayList<>();
        for (OfficialAccount account : entityManager.createQuery("from OfficialAccount", OfficialAccount.class).getResultList()) {
            references.add(Reference.officialAccount(account.id, slug, account.platform.name(), account.handle,
                    account.displayName));
        }
        for (ProtectedPerson person : entityManager.createQuery("from ProtectedPerson", ProtectedPerson.class).getResultList()) {
            references.add(new Reference(ReferenceKind.PROTECTED_PERSON, person.id, slug, null, null, person.fullName,
                    person.aliases, person.titles, person.photoHashes.stream().map(PhotoHashes::toLong).toList(),
                    person.handles.stream().map(h -> new PlatformHandle(h.platform().name(), h.handle())).toList()));
        }
        return ImpersonationIndex.build(references, ScoringSettings.defaults());
    }

    private ImpersonationIndex buildPublic() {
        List<Reference> references = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, institution_id, platform, handle, display_name from official_account where " + VERIFIED)
                .getResultList();
        for (Object[] row : rows) {
            references.add(Reference.officialAccount((java.util.UUID) row[0], (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4]));
        }
        return ImpersonationIndex.build(references, ScoringSettings.defaults());
    }

    private ImpersonationIndex buildOthers(String slug) {
        List<Reference> references = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> accounts = entityManager.createNativeQuery("select id, institution_id, platform, handle, display_name"
                + " from official_account where " + VERIFIED + " and institution_id <> ?1").setParameter(1, slug)
                .getResultList();
        for (Object[] row : accounts) {
            references.add(Reference.officialAccount((java.util.UUID) row[0], (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> persons = entityManager.createNativeQuery("select id, institution_id, full_name, cast(aliases as text),"
                + " cast(titles as text), cast(handles as text) from protected_person where institution_id <> ?1")
                .setParameter(1, slug).getResultList();
        for (Object[] row : persons) {
            List<PlatformHandle> handles = readList((String) row[5], PersonHandle.class).stream()
                    .map(h -> new PlatformHandle(h.platform().name(), h.handle())).toList();
            references.add(new Reference(ReferenceKind.PROTECTED_PERSON, (java.util.UUID) row[0], (String) row[1], null,
                    null, (String) row[2], readList((String) row[3], String.class), readList((String) row[4], String.class),
                    List.of(), handles));
        }
        return ImpersonationIndex.build(references, ScoringSettings.defaults());
    }

    private <T> List<T> readList(String text, Class<T> type) {
        try {
            return text == null ? List.of()
                    : json.readValue(text, json.getTypeFactory().constructCollectionType(List.class, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable protected_person list", e);
        }
    }

    private static long number(Tuple tuple, String alias) {
        return ((Number) Objects.requireNonNull(tuple.get(alias))).longValue();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
