package cm.vigie.commons.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid field. Thrown with its message key ({@link #of}); when the answer is written, {@code message} becomes
 * the text in the caller's language, {@code code} keeps the key and {@code arguments} the values the text was built
 * with, so that a client can build its own message.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "FieldError", description = "One invalid field of a request")
public record FieldError(
        @Schema(description = "Path of the field in the request body or the query parameter name", examples = "handle") String field,
        @Schema(description = "What is wrong, in the language asked for", examples = "must not be blank") String message,
        @Schema(description = "Stable identifier of what is wrong: a message key (`calendar.range`) or a Bean Validation "
                + "constraint (`NotBlank`, `Size`)", examples = "NotBlank") String code,
        @Schema(description = "The values the message was built with: a constraint's attributes (`min`, `max`) or the "
                + "message's positional arguments (`0`, `1`)") Map<String, Object> arguments) {

    /** A field error whose message is a key, resolved (and kept as {@code code}) when the answer is written. */
    public FieldError(String field, String messageKey) {
        this(field, messageKey, null, Map.of());
    }

    /** A field error whose message key takes arguments ({@code {0}}, {@code {1}}...). */
    public static FieldError of(String field, String messageKey, Object... args) {
        return new FieldError(field, messageKey, messageKey, positional(args));
    }

    static Map<String, Object> positional(Object... args) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; args != null && i < args.length; i++) {
            arguments.put(Integer.toString(i), args[i]);
        }
        return arguments;
    }

    /** The positional arguments back in order, for the message format. */
    Object[] positionalValues() {
        if (arguments == null || arguments.isEmpty() || !arguments.containsKey("0")) {
            return new Object[0];
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; arguments.containsKey(Integer.toString(i)); i++) {
            values.add(arguments.get(Integer.toString(i)));
        }
        return values.toArray();
    }
}
