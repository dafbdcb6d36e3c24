package cm.vigie.accounts.official.verification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "vigie.official-verification")
public interface VerificationConfig {

    /** How long a challenge code may be checked after it was issued. */
    @WithDefault("PT72H")
    Duration codeTtl();

    /** At most this many resembled accounts or persons are kept with a claim. */
    @WithDefault("5")
    int maxResemblances();

    Facebook facebook();

    /** Reading a Facebook Page's public fields through the Graph API; without an access token, claims go to the queue. */
    interface Facebook {

        /** Graph API base, version included. */
        @WithDefault("https://graph.facebook.com/v21.0")
        String graphUrl();

        /** An app or page access token able to read public Page fields; absent: no connector for Facebook. */
        Optional<String> accessToken();

        /** Total deadline of one profile read. */
        @WithDefault("PT5S")
        Duration timeout();
    }
}
