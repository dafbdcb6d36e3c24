package cm.vigie.plan.workflow;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ApprovalPolicyRepository implements PanacheRepositoryBase<ApprovalPolicy, UUID> {

    /** The caller's institution's policy (the tenant filter sees only that one). */
    public Optional<ApprovalPolicy> current() {
        return findAll().firstResultOptional();
    }
}
