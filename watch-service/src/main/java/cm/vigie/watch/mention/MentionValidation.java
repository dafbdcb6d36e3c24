package cm.vigie.watch.mention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import cm.vigie.commons.problem.FieldError;

/** Checks one mention of a batch on its own; errors carry message keys, resolved in the caller's language. */
final class MentionValidation {

    static final int MAX_TEXT = 20_000;
    private static final Pattern URL = Pattern.compile("https?://\\S{1,1990}", Pattern.CASE_INSENSITIVE);
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?");
    /** Clocks of collectors drift; a post "published" further ahead than this is refused. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    sealed interface Outcome permits Valid, Invalid {
    }

    record Valid(PreparedMention mention) implements Outcome {
    }

    record Invalid(List<FieldError> errors) implements Outcome {
    }

    private MentionValidation() {
    }

    /**
     * @param horizon the oldest publication time kept (ADR 0031): older months have no partition any more
     */
    static Outcome check(int index, MentionInput input, Instant now, Instant horizon) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            return new Invalid(List.of(new FieldError("", "mention.required")));
        }
        Platform platform = Platform.parse(input.platform()).orElse(null);
        if (platform == null) {
            errors.add(new FieldError("platform", input.platform() == null ? "mention.field.required" : "mention.platform.unknown"));
        }
        String externalId = input.externalId() == null ? null : input.externalId().strip();
        if (externalId == null || externalId.isEmpty()) {
            errors.add(new FieldError("externalId", "mention.field.required"));
        } else if (externalId.length() > 200) {
            errors.add(new FieldError("externalId", "mention.field.too-long"));
        }
        if (input.url() != null && !URL.matcher(input.url()).matches()) {
            errors.add(new FieldError("url", "mention.url.invalid"));
        }
        if (input.text() == null || input.text().isBlank()) {
            errors.add(new FieldError("text", "mention.field.required"));
        } else if (input.text().length() > MAX_TEXT) {
            errors.add(new FieldError("text", "mention.field.too-long"));
        }
        if (input.language() != null && !LANGUAGE.matcher(input.language()).matches()) {
            errors.add(new FieldError("language", "mention.language.invalid"));
        }
        if (input.publishedAt() == null) {
            errors.add(new FieldError("publishedAt", "mention.field.required"));
        } else if (input.publishedAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError("publishedAt", "mention.published.future"));
        } else if (input.publishedAt().isBefore(horizon)) {
            errors.add(new FieldError("publishedAt", "mention.published.expired"));
        }
        MentionInput.Author author = input.author();
        if (author != null) {
            if (author.handle() != null && author.handle().strip().length() > 200) {
                errors.add(new FieldError("author.handle", "mention.field.too-long"));
            }
            if (author.displayName() != null && author.displayName().length() > 300) {
                errors.add(new FieldError("author.displayName", "mention.field.too-long"));
            }
            if (author.followers() != null && author.followers() < 0) {
                errors.add(new FieldError("author.followers", "mention.field.negative"));
            }
        }
        MentionInput.Metrics metrics = input.metrics();
        if (metrics != null) {
            negative(errors, "metrics.likes", metrics.likes());
            negative(errors, "metrics.shares", metrics.shares());
            negative(errors, "metrics.comments", metrics.comments());
            negative(errors, "metrics.views", metrics.views());
        }
        if (input.inReplyTo() != null && input.inReplyTo().length() > 200) {
            errors.add(new FieldError("inReplyTo", "mention.field.too-long"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        // PostgreSQL text cannot hold NUL; nothing legitimate is lost
        String text = input.text().indexOf('\u0000') < 0 ? input.text() : input.text().replace("\u0000", "");
        TextAnalysis analysis = TextAnalysis.of(text, input.language() == null);
        String language = input.language() == null ? analysis.language() : input.language().toLowerCase(Locale.ROOT);
        String handle = author == null || author.handle() == null || author.handle().isBlank() ? null
                : normaliseHandle(author.handle());
        return new Valid(new PreparedMention(index, UUID.randomUUID(), platform, externalId, input.url(), handle,
                author == null ? null : author.displayName(), author == null ? null : author.followers(),
                author == null ? null : author.createdAt(), text, analysis, language,
                input.language() == null, input.publishedAt(), value(metrics == null ? null : metrics.likes()),
                value(metrics == null ? null : metrics.shares()), value(metrics == null ? null : metrics.comments()),
                value(metrics == null ? null : metrics.views()), input.inReplyTo(),
                List.of(), List.of(), null));
    }

    /** Handles compare without case and without a leading {@code @}. */
    static String normaliseHandle(String handle) {
        String stripped = handle.strip();
        return (stripped.startsWith("@") ? stripped.substring(1) : stripped).toLowerCase(Locale.ROOT);
    }

    private static void negative(List<FieldError> errors, String field, Long value) {
        if (value != null && value < 0) {
            errors.add(new FieldError(field, "mention.field.negative"));
        }
    }

    private static long value(Long value) {
        return value == null ? 0 : value;
    }
}
