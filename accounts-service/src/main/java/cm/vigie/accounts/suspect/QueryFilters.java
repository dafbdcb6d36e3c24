package cm.vigie.accounts.suspect;

import java.util.UUID;

import cm.vigie.commons.problem.ProblemException;

/**
 * Filters parsed by hand: JAX-RS answers 404 to a query parameter it cannot convert, where a client that sent
 * {@code ?status=GONE} deserves a 400 naming the parameter.
 */
public final class QueryFilters {

    private QueryFilters() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "problem.field.wrong-format");
        }
    }

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "problem.field.wrong-format");
        }
    }

    public static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(field, "problem.field.wrong-format");
        };
    }
}
