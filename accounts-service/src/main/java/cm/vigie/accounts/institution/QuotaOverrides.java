package cm.vigie.accounts.institution;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import cm.vigie.commons.quota.Quotas;

/** The quotas an operator set for one institution; a null member leaves that quota at its default. */
@Embeddable
public class QuotaOverrides {

    @Column(name = "quota_watchlists")
    public Integer watchlists;

    @Column(name = "quota_hoaxes")
    public Integer hoaxes;

    @Column(name = "quota_sources")
    public Integer sources;

    @Column(name = "quota_webhooks")
    public Integer webhooks;

    @Column(name = "quota_protected_persons")
    public Integer protectedPersons;

    @Column(name = "quota_alert_streams")
    public Integer alertStreams;

    @Column(name = "quota_alert_streams_per_user")
    public Integer alertStreamsPerUser;

    @Column(name = "quota_running_exercises")
    public Integer runningExercises;

    static QuotaOverrides of(QuotaSettings settings) {
        QuotaOverrides overrides = new QuotaOverrides();
        overrides.watchlists = settings.watchlists();
        overrides.hoaxes = settings.hoaxes();
        overrides.sources = settings.sources();
        overrides.webhooks = settings.webhooks();
        overrides.protectedPersons = settings.protectedPersons();
        overrides.alertStreams = settings.alertStreams();
        overrides.alertStreamsPerUser = settings.alertStreamsPerUser();
        overrides.runningExercises = settings.runningExercises();
        return overrides;
    }

    /** What {@code overrides} sets (nothing when null). */
    static QuotaSettings settings(QuotaOverrides overrides) {
        return overrides == null ? QuotaSettings.NONE
                : new QuotaSettings(overrides.watchlists, overrides.hoaxes, overrides.sources, overrides.webhooks,
                        overrides.protectedPersons, overrides.alertStreams, overrides.alertStreamsPerUser,
                        overrides.runningExercises);
    }

    /** The limits that apply: each set member, else its default. */
    static Quotas effective(QuotaOverrides overrides, Quotas defaults) {
        QuotaSettings set = settings(overrides);
        return new Quotas(or(set.watchlists(), defaults.watchlists()), or(set.hoaxes(), defaults.hoaxes()),
                or(set.sources(), defaults.sources()), or(set.webhooks(), defaults.webhooks()),
                or(set.protectedPersons(), defaults.protectedPersons()), or(set.alertStreams(), defaults.alertStreams()),
                or(set.alertStreamsPerUser(), defaults.alertStreamsPerUser()),
                or(set.runningExercises(), defaults.runningExercises()));
    }

    private static int or(Integer set, int fallback) {
        return set == null ? fallback : set;
    }
}
