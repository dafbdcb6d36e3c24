package cm.vigie.accounts.impersonation.engine;

import java.util.List;
import java.util.UUID;

/**
 * Something a candidate account may imitate: a protected person or an official account.
 * <p>
 * Null lists are read as empty; the compact constructor copies them so a reference is immutable.
 *
 * @param kind            person or official account
 * @param id              the id of the protected person or of the official account in accounts-service
 * @param institutionId   the institution that registered it
 * @param platform        for an official account its platform ({@code FACEBOOK}, {@code X}...); null for a person
 * @param handle          for an official account its normalised handle; null for a person
 * @param displayName     full name of the person, or display name of the account (may be null for an account)
 * @param aliases         other names the person or account is known by ("Dr Manaouda", "MINSANTE")
 * @param titles          titles in French and English ("Ministre de la Santé publique", "Minister of Public Health")
 * @param photoHashes     64-bit perceptual hashes of reference photos or avatars ({@link PerceptualHash})
 * @param officialHandles for a person, the accounts that really are theirs (a candidate equal to one is OFFICIAL)
 */
public record Reference(ReferenceKind kind, UUID id, String institutionId, String platform, String handle,
        String displayName, List<String> aliases, List<String> titles, List<Long> photoHashes,
        List<PlatformHandle> officialHandles) {

    public Reference {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind == ReferenceKind.OFFICIAL_ACCOUNT && (platform == null || handle == null)) {
            throw new IllegalArgumentException("an official account needs a platform and a handle");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        titles = titles == null ? List.of() : List.copyOf(titles);
        photoHashes = photoHashes == null ? List.of() : List.copyOf(photoHashes);
        officialHandles = officialHandles == null ? List.of() : List.copyOf(officialHandles);
    }

    /** An official account reference with only the fields an account has. */
    public static Reference officialAccount(UUID id, String institutionId, String platform, String handle,
            String displayName) {
        return new Reference(ReferenceKind.OFFICIAL_ACCOUNT, id, institutionId, platform, handle, displayName,
                List.of(), List.of(), List.of(), List.of());
    }
}
