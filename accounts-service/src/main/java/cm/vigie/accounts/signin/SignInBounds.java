package cm.vigie.accounts.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What an institution may choose for its sign-in policy, set by the platform ({@code vigie.sign-in.bounds.*}). A
 * policy outside them answers 400 with one field error per value.
 */
@ConfigMapping(prefix = "vigie.sign-in.bounds")
public interface SignInBounds {

    @WithDefault("8")
    int passwordMinLengthFloor();

    @WithDefault("64")
    int passwordMinLengthCeiling();

    /** Highest count of a character class (upper case, lower case, digits, special characters). */
    @WithDefault("8")
    int characterClassCeiling();

    @WithDefault("24")
    int passwordHistoryCeiling();

    /** 0 (never) is always allowed; otherwise at least this many days. */
    @WithDefault("30")
    int passwordExpireDaysFloor();

    @WithDefault("365")
    int passwordExpireDaysCeiling();

    @WithDefault("5")
    int sessionIdleMinutesFloor();

    @WithDefault("720")
    int sessionIdleMinutesCeiling();

    @WithDefault("1")
    int sessionMaxHoursFloor();

    @WithDefault("168")
    int sessionMaxHoursCeiling();
}
