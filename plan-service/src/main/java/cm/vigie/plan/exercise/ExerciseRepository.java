package cm.vigie.plan.exercise;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, UUID> {

    public Exercise locked(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The caller's exercises under way: running or paused (both hold their setup in watch and accounts). */
    public long inProgress() {
        return count("status in ?1", java.util.List.of(ExerciseStatus.RUNNING, ExerciseStatus.PAUSED));
    }

    public PanacheQuery<Exercise> search(ExerciseStatus status) {
        Sort sort = Sort.by("startedAt", Sort.Direction.Descending).and("id");
        return status == null ? findAll(sort) : find("status", sort, status);
    }

    public List<ExerciseEvent> events(UUID exerciseId) {
        return getEntityManager().createQuery("from ExerciseEvent where exerciseId = :id order by at, id", ExerciseEvent.class)
                .setParameter("id", exerciseId).getResultList();
    }
}
