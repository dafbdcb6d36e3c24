package cm.vigie.plan.diff;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Field-by-field differences between two JSON documents, addressed by JSON Pointer (RFC 6901). */
public final class JsonDiff {

    private JsonDiff() {
    }

    public static List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        walk("", before, after, changes);
        return changes;
    }

    private static void walk(String pointer, JsonNode before, JsonNode after, List<FieldChange> changes) {
        boolean beforeMissing = before == null || before.isNull() || before.isMissingNode();
        boolean afterMissing = after == null || after.isNull() || after.isMissingNode();
        if (beforeMissing && afterMissing) {
            return;
        }
        if (beforeMissing) {
            changes.add(new FieldChange(pointer, FieldChange.Kind.ADDED, null, after));
        } else if (afterMissing) {
            changes.add(new FieldChange(pointer, FieldChange.Kind.REMOVED, before, null));
        } else if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = after.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
            for (String name : names) {
                walk(pointer + "/" + escape(name), before.get(name), after.get(name), changes);
            }
        } else if (before.isArray() && after.isArray()) {
            int size = Math.max(before.size(), after.size());
            for (int i = 0; i < size; i++) {
                walk(pointer + "/" + i, before.get(i), after.get(i), changes);
            }
        } else if (!before.equals(after)) {
            changes.add(new FieldChange(pointer, FieldChange.Kind.CHANGED, before, after));
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
