package cm.vigie.watch.delivery;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Runs through Hibernate's tenant filter: only the caller's institution's webhooks. */
@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    public Optional<Webhook> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }
}
