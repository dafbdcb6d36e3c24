package cm.vigie.commons.paging;

import java.util.Map;

import cm.vigie.commons.problem.ProblemException;

/** A validated sort: a field the API exposes, mapped to the entity property it sorts by. */
public record Sorting(String property, boolean ascending) {

    /**
     * Parses {@code field,asc|desc} against the API fields allowed for this list.
     *
     * @param allowed API field name to entity property
     */
    public static Sorting parse(String sort, Map<String, String> allowed, Sorting fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        String[] parts = sort.split(",", 2);
        String property = allowed.get(parts[0]);
        boolean ascending = parts.length == 1 || parts[1].equalsIgnoreCase("asc");
        if (property == null || (parts.length == 2 && !parts[1].equalsIgnoreCase("asc") && !parts[1].equalsIgnoreCase("desc"))) {
            throw ProblemException.invalid("sort", "paging.sort.invalid");
        }
        return new Sorting(property, ascending);
    }
}
