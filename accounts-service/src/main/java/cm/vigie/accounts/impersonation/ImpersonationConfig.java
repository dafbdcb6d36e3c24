package cm.vigie.accounts.impersonation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "vigie.impersonation")
public interface ImpersonationConfig {

    /** Scan threshold of institutions that did not choose their own. */
    @WithDefault("0.6")
    double defaultThreshold();

    /** Days a platform has to act on a report, for institutions that did not choose their own. */
    @WithDefault("7")
    int defaultSlaDays();
}
