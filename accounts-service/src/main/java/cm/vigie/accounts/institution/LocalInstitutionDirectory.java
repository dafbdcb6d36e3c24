package cm.vigie.accounts.institution;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import cm.vigie.commons.cluster.ClusterChanges;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.commons.tenancy.KnownInstitution;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * accounts-service owns the registry: its directory reads the database directly, and reloads when any replica
 * announces a change ({@link InstitutionChanges}).
 */
@Singleton
public class LocalInstitutionDirectory extends InstitutionDirectory {

    private final InstitutionRepository institutions;
    private final ClusterChanges changes;
    private AutoCloseable following;

    LocalInstitutionDirectory(InstitutionRepository institutions, ClusterChanges changes) {
        super(Clock.systemUTC(), DEFAULT_MAX_AGE);
        this.institutions = institutions;
        this.changes = changes;
    }

    void start(@Observes StartupEvent start) {
        following = changes.follow(InstitutionChanges.TOPIC, scope -> changed());
    }

    @PreDestroy
    void stop() throws Exception {
        if (following != null) {
            following.close();
        }
    }

    @Override
    protected List<KnownInstitution> load() {
        return institutions.known();
    }

    @Override
    protected Executor executor() {
        return Infrastructure.getDefaultWorkerPool();
    }
}
