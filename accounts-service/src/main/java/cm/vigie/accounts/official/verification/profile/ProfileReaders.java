package cm.vigie.accounts.official.verification.profile;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import cm.vigie.accounts.official.Platform;

/** The reader for a platform, when one is available. */
@ApplicationScoped
public class ProfileReaders {

    private final Instance<ProfileReader> readers;

    ProfileReaders(Instance<ProfileReader> readers) {
        this.readers = readers;
    }

    public Optional<ProfileReader> forPlatform(Platform platform) {
        return readers.stream().filter(r -> r.reads(platform)).findFirst();
    }
}
