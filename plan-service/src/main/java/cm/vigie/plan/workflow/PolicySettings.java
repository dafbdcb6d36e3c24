package cm.vigie.plan.workflow;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Defaults of an institution's approval policy until its admin sets one. */
@ConfigMapping(prefix = "vigie.plan.policy")
public interface PolicySettings {

    @WithDefault("1")
    int approvalsNeeded();

    @WithDefault("approver,institution-admin")
    List<String> approverRoles();

    @WithDefault("2")
    int deadlineCriticalHours();

    @WithDefault("6")
    int deadlineHighHours();

    @WithDefault("24")
    int deadlineMediumHours();

    @WithDefault("72")
    int deadlineLowHours();

    @WithDefault("30")
    int escalationMinutes();

    /** Two publications on one channel closer than this come back with a warning. */
    @WithDefault("120")
    int publicationGapMinutes();
}
