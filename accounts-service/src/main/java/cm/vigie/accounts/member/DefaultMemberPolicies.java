package cm.vigie.accounts.member;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/** What members get until the sign-in policy and custodian domains provide their own beans. */
@ApplicationScoped
class DefaultMemberPolicies {

    @Produces
    @DefaultBean
    @ApplicationScoped
    TwoFactorRequirement noTwoFactorRequired() {
        return (institution, roles) -> false;
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    CustodianHandOver noPagesToHandOver() {
        return (institution, userName) -> List.of();
    }

}
