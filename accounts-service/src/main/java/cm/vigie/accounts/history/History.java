package cm.vigie.accounts.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import io.quarkus.panache.common.Sort;

/**
 * The history of accounts-service objects, read from the commons audit trail. Callers check that the object is
 * visible to the caller before asking for its history; the trail is only ever appended to.
 */
@ApplicationScoped
public class History {

    private final AuditLog audit;
    private final ObjectMapper json;

    History(AuditLog audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /** Oldest first, so that the story reads in order. */
    public PageResponse<HistoryEntry> page(String targetType, UUID targetId, PageRequest page) {
        var query = audit.find("targetType = ?1 and targetId = ?2", Sort.by("at").and("id"), targetType, targetId)
                .page(page.page, page.size);
        return new PageResponse<>(query.list().stream().map(HistoryEntry::of).toList(), page.page, page.size,
                query.count());
    }

    /** Starts a before/after comparison of named fields. */
    public Diff diff() {
        return new Diff();
    }

    /** The fields that changed, as two small JSON objects. */
    public final class Diff {
        private final Map<String, Object> before = new LinkedHashMap<>();
        private final Map<String, Object> after = new LinkedHashMap<>();

        public Diff field(String name, Object from, Object to) {
            if (!Objects.equals(from, to)) {
                before.put(name, from == null ? null : from.toString());
                after.put(name, to == null ? null : to.toString());
            }
            return this;
        }

        public boolean isEmpty() {
            return before.isEmpty();
        }

        public String before() {
            return write(before);
        }

        public String after() {
            return write(after);
        }

        private String write(Map<String, Object> fields) {
            try {
                return json.writeValueAsString(fields);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
