package cm.vigie.accounts.institution;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.inject.Singleton;

import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.commons.tenancy.KnownInstitution;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** accounts-service owns the registry: its directory reads the database directly. */
@Singleton
public class LocalInstitutionDirectory extends InstitutionDirectory {

    private final InstitutionRepository institutions;

    LocalInstitutionDirectory(InstitutionRepository institutions) {
        super(Clock.systemUTC(), DEFAULT_MAX_AGE);
        this.institutions = institutions;
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
