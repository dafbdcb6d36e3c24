package cm.vigie.accounts.signin;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.accounts.member.TwoFactorRequirement;

/** The members API asks the sign-in policy whether an invitee of these roles must enrol a second factor. */
@ApplicationScoped
public class PolicyTwoFactorRequirement implements TwoFactorRequirement {

    private final SignInPolicyService policies;

    PolicyTwoFactorRequirement(SignInPolicyService policies) {
        this.policies = policies;
    }

    @Override
    public boolean requiredFor(String institution, Collection<String> roles) {
        return policies.twoFactorRequired(institution, roles);
    }
}
