package cm.vigie.watch.source.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.problem.FieldError;
import cm.vigie.watch.source.Connector;
import cm.vigie.watch.source.SourceSettings;

/**
 * A Facebook Page whose feed and comment changes Meta pushes to Vigie (Graph API webhooks, object {@code page},
 * field {@code feed}). The source's {@code account} is the page id, {@code secret} the app secret that signs every
 * event ({@code X-Hub-Signature-256}), {@code verifyToken} the token of the subscription handshake. Events arrive at
 * {@link MetaWebhookResource}.
 */
@ApplicationScoped
public class MetaPageConnector implements Connector {

    public static final String TYPE = "META_PAGE";
    private static final Pattern PAGE_ID = Pattern.compile("[0-9]{1,30}");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<FieldError> validate(SourceSettings source) {
        List<FieldError> errors = new ArrayList<>();
        if (source.account() == null) {
            errors.add(new FieldError("account", "source.field.required"));
        } else if (!PAGE_ID.matcher(source.account()).matches()) {
            errors.add(new FieldError("account", "source.meta.page-id"));
        }
        if (source.secret() == null) {
            errors.add(new FieldError("secret", "source.field.required"));
        }
        if (source.verifyToken() == null) {
            errors.add(new FieldError("verifyToken", "source.field.required"));
        }
        return errors;
    }

    @Override
    public Optional<String> webhookPath(UUID sourceId) {
        return Optional.of("/api/watch/sources/" + sourceId + "/meta-webhook");
    }
}
