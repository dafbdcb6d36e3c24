package cm.vigie.watch.mention;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemResponses;
import cm.vigie.commons.problem.ProblemType;

/**
 * Reads a batch body for the public and the internal ingest endpoints: the batch must be well-formed, each item is
 * read on its own (an item of the wrong shape is rejected alone) and the answer is localised the same way.
 */
@ApplicationScoped
class BatchReader {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    record Batch(List<MentionInput> mentions, Map<Integer, List<FieldError>> unreadable, UUID exerciseId) {
    }

    private final ObjectMapper json;

    BatchReader(ObjectMapper json) {
        this.json = json;
    }

    Batch read(byte[] body, String idempotencyKey) {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "problem.malformed-request.detail");
        }
        if (body.length > MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "problem.payload-too-large.detail");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ProblemException.invalid("Idempotency-Key", "mention.idempotency.invalid");
        }
        Batch direct = readDirectly(body);
        if (direct != null) {
            return direct;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "problem.malformed-request.detail");
        }
        JsonNode items = root == null ? null : root.get("mentions");
        if (items == null || !items.isArray()) {
            throw ProblemException.invalid("mentions", "mention.batch.required");
        }
        if (items.size() > MentionIngestion.MAX_BATCH) {
            throw ProblemException.invalid("mentions", "mention.batch.too-many");
        }
        UUID exerciseId = exerciseId(root.get("exerciseId"));
        List<MentionInput> mentions = new ArrayList<>(items.size());
        Map<Integer, List<FieldError>> unreadable = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            try {
                mentions.add(json.treeToValue(items.get(index), MentionInput.class));
            } catch (JsonProcessingException e) {
                mentions.add(null);
                unreadable.put(index, List.of(new FieldError(path(e), e instanceof InvalidFormatException
                        ? "problem.field.wrong-format" : "problem.field.wrong-type")));
            }
        }
        return new Batch(mentions, unreadable, exerciseId);
    }

    /** The batch as it is bound directly, when it can be. */
    record Direct(List<MentionInput> mentions, JsonNode exerciseId) {
    }

    /**
     * Binds a batch whose items all have the right shape in one pass, without building a JSON tree first; answers
     * null for anything else (malformed JSON, no mentions array, an item of the wrong shape), which the item-by-item
     * reading then answers exactly as before.
     */
    private Batch readDirectly(byte[] body) {
        Direct direct;
        try {
            direct = json.readValue(body, Direct.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (direct == null || direct.mentions() == null) {
            return null;
        }
        if (direct.mentions().size() > MentionIngestion.MAX_BATCH) {
            throw ProblemException.invalid("mentions", "mention.batch.too-many");
        }
        return new Batch(direct.mentions(), new HashMap<>(), exerciseId(direct.exerciseId()));
    }

    static IngestResult localized(IngestResult result, Locale locale) {
        return new IngestResult(result.accepted(), result.duplicates(), result.rejected().stream()
                .map(r -> new IngestResult.Rejection(r.index(), r.errors().stream()
                        .map(e -> ProblemResponses.resolve(e, locale)).toList()))
                .toList());
    }

    private static UUID exerciseId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            try {
                return UUID.fromString(node.textValue());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw ProblemException.invalid("exerciseId", "mention.batch.exercise-id");
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof MismatchedInputException mismatch)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (var reference : mismatch.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(reference.getFieldName());
            }
        }
        return path.toString();
    }
}
