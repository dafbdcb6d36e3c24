package cm.vigie.accounts.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import cm.vigie.accounts.official.Handles;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.quota.InstitutionQuotas;
import cm.vigie.commons.quota.Quota;
import cm.vigie.commons.tenancy.CurrentInstitution;

@ApplicationScoped
public class ProtectedPersonService {

    public static final String AUDIT_TARGET = "PROTECTED_PERSON";
    private static final int MAX_PHOTOS = 20;
    private static final Map<String, String> SORTABLE = Map.of("fullName", "fullName", "createdAt", "createdAt",
            "updatedAt", "updatedAt");
    private static final Sorting DEFAULT_SORT = new Sorting("fullName", true);

    private final ProtectedPersonRepository persons;
    private final AuditLog audit;
    private final Event<PersonDeleted> deleted;
    private final InstitutionQuotas quotas;
    private final CurrentInstitution institution;

    ProtectedPersonService(ProtectedPersonRepository persons, AuditLog audit, Event<PersonDeleted> deleted,
            InstitutionQuotas quotas, CurrentInstitution institution) {
        this.persons = persons;
        this.audit = audit;
        this.deleted = deleted;
        this.quotas = quotas;
        this.institution = institution;
    }

    @Transactional
    public ProtectedPerson create(ProtectedPersonRequest request) {
        ProtectedPerson person = new ProtectedPerson();
        person.id = UUID.randomUUID();
        apply(person, request);
        institution.slug().ifPresent(slug -> quotas.requireRoom(Quota.PROTECTED_PERSONS, slug, persons::count));
        person.createdAt = Instant.now();
        person.updatedAt = person.createdAt;
        persons.persistAndFlush(person);
        audit.record(person.institutionId, "PERSON_CREATED", AUDIT_TARGET, person.id, null, "v0",
                truncate("fullName=" + person.fullName));
        return person;
    }

    public ProtectedPerson get(UUID id) {
        return persons.findVisible(id).orElseThrow(() -> ProblemException.notFound("person.not-found"));
    }

    public PageResponse<ProtectedPerson> list(String name, PageRequest page) {
        var query = persons.search(name, Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT)).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    @Transactional
    public ProtectedPerson update(UUID id, String ifMatch, ProtectedPersonRequest request) {
        ProtectedPerson person = get(id);
        ETags.requireMatch(ifMatch, person.version);
        Snapshot before = Snapshot.of(person);
        apply(person, request);
        String changes = before.diff(Snapshot.of(person));
        if (!changes.isEmpty()) {
            person.updatedAt = Instant.now();
            persons.flush();
            audit.record(person.institutionId, "PERSON_UPDATED", AUDIT_TARGET, person.id, "v" + before.version,
                    "v" + person.version, truncate(changes));
        }
        return person;
    }

    /** Adds the perceptual hash of an uploaded photo; the same hash twice is kept once. */
    @Transactional
    public ProtectedPerson addPhotoHash(UUID id, String ifMatch, String hash) {
        ProtectedPerson person = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, person.version);
        }
        if (!person.photoHashes.contains(hash)) {
            if (person.photoHashes.size() >= MAX_PHOTOS) {
                throw ProblemException.invalid("photoHashes", "person.photos.too-many");
            }
            long before = person.version;
            List<String> hashes = new ArrayList<>(person.photoHashes);
            hashes.add(hash);
            person.photoHashes = hashes;
            person.updatedAt = Instant.now();
            persons.flush();
            audit.record(person.institutionId, "PERSON_PHOTO_ADDED", AUDIT_TARGET, person.id, "v" + before,
                    "v" + person.version, "photoHash=" + hash);
        }
        return person;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        ProtectedPerson person = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, person.version);
        }
        deleted.fire(new PersonDeleted(person.id));
        audit.record(person.institutionId, "PERSON_DELETED", AUDIT_TARGET, person.id, "v" + person.version, null,
                truncate("fullName=" + person.fullName));
        persons.delete(person);
    }

    public List<ChangeRecord> history(UUID id) {
        get(id);
        return audit.history(AUDIT_TARGET, id).stream().map(ChangeRecord::of).toList();
    }

    private static void apply(ProtectedPerson person, ProtectedPersonRequest request) {
        var errors = request.elementErrors();
        if (!errors.isEmpty()) {
            throw new ProblemException(cm.vigie.commons.problem.ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
        person.fullName = collapse(request.fullName());
        person.aliases = distinct(request.aliases(), ProtectedPersonService::collapse);
        person.titles = distinct(request.titles(), ProtectedPersonService::collapse);
        person.handles = distinct(request.handles(), h -> new PersonHandle(h.platform(), Handles.normalise(h.platform(), h.handle())));
        person.photoHashes = distinct(request.photoHashes(), PhotoHashes::normaliseHex);
    }

    private static <T> List<T> distinct(List<T> values, Function<T, T> normaliser) {
        if (values == null) {
            return new ArrayList<>();
        }
        LinkedHashSet<T> kept = new LinkedHashSet<>();
        for (T value : values) {
            kept.add(normaliser.apply(value));
        }
        return new ArrayList<>(kept);
    }

    /** Inner runs of spaces become one, so that "Malachie  Manaouda" and "Malachie Manaouda" are one alias. */
    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private record Snapshot(long version, String fullName, List<String> aliases, List<String> titles,
            List<PersonHandle> handles, List<String> photoHashes) {

        static Snapshot of(ProtectedPerson person) {
            return new Snapshot(person.version, person.fullName, List.copyOf(person.aliases), List.copyOf(person.titles),
                    List.copyOf(person.handles), List.copyOf(person.photoHashes));
        }

        /** "field: before → after" for each changed field, so the history says what changed. */
        String diff(Snapshot after) {
            List<String> changes = new ArrayList<>();
            compare(changes, "fullName", fullName, after.fullName);
            compare(changes, "aliases", aliases, after.aliases);
            compare(changes, "titles", titles, after.titles);
            compare(changes, "handles", handles.stream().map(Snapshot::show).toList(),
                    after.handles.stream().map(Snapshot::show).toList());
            compare(changes, "photoHashes", photoHashes, after.photoHashes);
            return String.join("; ", changes);
        }

        private static String show(PersonHandle handle) {
            return handle.platform().name().toLowerCase(Locale.ROOT) + ":" + handle.handle();
        }

        private static void compare(List<String> changes, String field, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                changes.add(field + ": " + before + " → " + after);
            }
        }
    }
}
