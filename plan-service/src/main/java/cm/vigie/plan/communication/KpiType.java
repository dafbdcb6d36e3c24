package cm.vigie.plan.communication;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiType", description = "What an objective measures; all but MANUAL are read live from watch-service")
public enum KpiType {
    MENTION_VOLUME, NEGATIVE_SHARE, HOAX_MENTIONS, ALERTS_RESOLVED_IN_SLA, MANUAL
}
