package cm.vigie.plan.countermeasure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Decision", description = "Answer publicly, only keep watching, or deliberately stay silent so as not to amplify")
public enum Decision {
    RESPOND, MONITOR_ONLY, DO_NOT_AMPLIFY
}
