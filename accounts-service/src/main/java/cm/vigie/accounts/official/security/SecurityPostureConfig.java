package cm.vigie.accounts.official.security;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the security posture assessment. */
@ConfigMapping(prefix = "vigie.security-posture")
public interface SecurityPostureConfig {

    /** Credentials older than this many days are overdue for rotation. */
    @WithDefault("90")
    int rotationMaxAgeDays();

    /** A security review older than this many days is overdue. */
    @WithDefault("180")
    int reviewMaxAgeDays();

    /**
     * Free mail providers: a recovery address there is personal, even when the institution has not declared its own
     * e-mail domain.
     */
    @WithDefault("gmail.com,googlemail.com,yahoo.com,yahoo.fr,ymail.com,outlook.com,outlook.fr,hotmail.com,hotmail.fr,live.com,live.fr,msn.com,icloud.com,me.com,aol.com,gmx.com,gmx.fr,proton.me,protonmail.com,yandex.com,mail.ru,zoho.com,laposte.net,orange.fr")
    List<String> personalEmailDomains();
}
