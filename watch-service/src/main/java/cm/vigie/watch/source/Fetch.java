package cm.vigie.watch.source;

import java.util.List;

import cm.vigie.watch.mention.MentionInput;

/** What one poll of a source brought. */
public record Fetch(List<MentionInput> mentions, Cursor next, boolean notModified) {

    public static Fetch of(List<MentionInput> mentions, Cursor next) {
        return new Fetch(List.copyOf(mentions), next, false);
    }

    /** The platform answered that nothing changed (HTTP 304): the cursor stays. */
    public static Fetch notModified(Cursor cursor) {
        return new Fetch(List.of(), cursor, true);
    }
}
