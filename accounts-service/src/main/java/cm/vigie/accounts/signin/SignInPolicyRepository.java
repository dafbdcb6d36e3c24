package cm.vigie.accounts.signin;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SignInPolicyRepository implements PanacheRepositoryBase<SignInPolicy, String> {
}
