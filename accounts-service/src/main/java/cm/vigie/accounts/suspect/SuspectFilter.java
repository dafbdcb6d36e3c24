package cm.vigie.accounts.suspect;

import java.util.UUID;

import cm.vigie.accounts.official.Platform;

/** The list filters; null means any. */
public record SuspectFilter(SuspectStatus status, Platform platform, UUID personId, Boolean overdue) {
}
