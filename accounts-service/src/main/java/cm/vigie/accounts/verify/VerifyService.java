package cm.vigie.accounts.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cm.vigie.accounts.impersonation.ReferenceIndexes;
import cm.vigie.accounts.impersonation.engine.Resemblance;
import cm.vigie.accounts.institution.Institution;
import cm.vigie.accounts.institution.InstitutionRepository;
import cm.vigie.accounts.official.Handles;
import cm.vigie.accounts.official.Platform;
import cm.vigie.accounts.official.Verification;
import cm.vigie.accounts.official.verification.ResemblanceFinder;
import cm.vigie.accounts.official.verification.Resembled;
import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.ProblemException;

/**
 * The citizen's check. The only read across institutions besides the shared hoax registry, and it exposes only
 * public fields: the institution's slug and name, and the platform and handle of official accounts.
 */
@ApplicationScoped
public class VerifyService {

    static final int MAX_INPUT = 2000;
    private static final Map<String, Platform> PLATFORM_ALIASES = Map.of("TWITTER", Platform.X, "FB", Platform.FACEBOOK,
            "IG", Platform.INSTAGRAM, "YT", Platform.YOUTUBE, "WHATSAPP", Platform.WHATSAPP_CHANNEL, "TG", Platform.TELEGRAM,
            "SITE", Platform.WEBSITE, "WEB", Platform.WEBSITE);

    /** What the citizen asked about, once understood. */
    record Checked(Platform platform, String handle) {
    }

    private final EntityManager entityManager;
    private final InstitutionRepository institutions;
    private final ReferenceIndexes indexes;
    private final VerifyConfig config;
    private final ResemblanceFinder claims;

    VerifyService(EntityManager entityManager, InstitutionRepository institutions, ReferenceIndexes indexes,
            VerifyConfig config, ResemblanceFinder claims) {
        this.entityManager = entityManager;
        this.institutions = institutions;
        this.indexes = indexes;
        this.config = config;
        this.claims = claims;
    }

    /** Reads what citizens paste: a platform and a handle (with @, spaces, even a URL), or a profile URL alone. */
    static Checked understand(String platformParam, String handleParam, String urlParam) {
        boolean hasUrl = urlParam != null && !urlParam.isBlank();
        boolean hasHandle = handleParam != null && !handleParam.isBlank();
        if (hasUrl && urlParam.length() > MAX_INPUT) {
            throw ProblemException.invalid("url", "verify.too-long");
        }
        if (hasHandle && handleParam.length() > MAX_INPUT) {
            throw ProblemException.invalid("handle", "verify.too-long");
        }
        Platform platform = platform(platformParam);
        if (hasUrl || hasHandle && platform == null) {
            String pasted = hasUrl ? urlParam : handleParam;
            Optional<Handles.PlatformHandle> parsed = Handles.fromUrl(pasted);
            if (parsed.isPresent() && (platform == null || platform == parsed.get().platform())) {
                return valid(parsed.get().platform(), parsed.get().handle(), hasUrl ? "url" : "handle");
            }
            if (platform == null) {
                throw ProblemException.invalid(hasUrl ? "url" : "platform", hasUrl ? "verify.url.unknown" : "verify.platform.required");
            }
            return valid(platform, Handles.normalise(platform, pasted), hasUrl ? "url" : "handle");
        }
        if (!hasHandle) {
            throw ProblemException.invalid("handle", "verify.handle.required");
        }
        return valid(platform, Handles.normalise(platform, handleParam), "handle");
    }

    private static Checked valid(Platform platform, String handle, String field) {
        if (!Handles.isValid(platform, handle)) {
            throw ProblemException.invalid(field, "verify.handle.invalid");
        }
        return new Checked(platform, handle);
    }

    private static Platform platform(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        Platform alias = PLATFORM_ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        try {
            return Platform.valueOf(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("platform", "problem.field.wrong-format");
        }
    }

    @Transactional
    public VerifyView verify(String platformParam, String handleParam, String urlParam, Locale locale) {
        Checked checked = understand(platformParam, handleParam, urlParam);
        Map<String, Optional<VerifyView.InstitutionRef>> names = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> exact = entityManager.createNativeQuery(
                "select institution_id, status, verification, display_name from official_account where platform = ?1 and handle = ?2")
                .setParameter(1, checked.platform().name()).setParameter(2, checked.handle()).getResultList();
        Map<String, VerifyView.Resemblance> resembles = new java.util.LinkedHashMap<>();
        if (!exact.isEmpty()) {
            Object[] row = exact.get(0);
            String slug = (String) row[0];
            if (Verification.VERIFIED.name().equals(row[2])) {
                Optional<VerifyView.InstitutionRef> owner = institution(names, slug, locale);
                if (owner.isPresent()) {
                    return new VerifyView(true, owner.get(), "COMPROMISED".equals(row[1]), checked.platform(),
                            checked.handle(), List.of());
                }
            } else {
                // Registered, not proven: what it resembles by handle and display name, as operators see it.
                for (Resembled r : claims.of(slug, checked.platform(), checked.handle(), (String) row[3])) {
                    if (r.ofAccount()) {
                        institution(names, r.institution(), locale).ifPresent(owner -> resembles.putIfAbsent(
                                r.platform() + "\u0000" + r.handle(), new VerifyView.Resemblance(
                                        Platform.valueOf(r.platform()), r.handle(), r.displayName(), owner)));
                    }
                }
            }
        }
        for (Resemblance r : indexes.publicOfficialAccounts().resembles(checked.platform().name(), checked.handle(),
                config.maxResemblances())) {
            institution(names, r.reference().institutionId(), locale).ifPresent(owner -> resembles.putIfAbsent(
                    r.reference().platform() + "\u0000" + r.reference().handle(),
                    new VerifyView.Resemblance(Platform.valueOf(r.reference().platform()), r.reference().handle(),
                            r.reference().displayName(), owner)));
        }
        List<VerifyView.Resemblance> listed = new ArrayList<>(resembles.values());
        return new VerifyView(false, null, false, checked.platform(), checked.handle(),
                listed.size() > config.maxResemblances() ? listed.subList(0, config.maxResemblances()) : listed);
    }

    /** Only institutions in the registry and active are vouched for. */
    private Optional<VerifyView.InstitutionRef> institution(Map<String, Optional<VerifyView.InstitutionRef>> names, String slug,
            Locale locale) {
        return names.computeIfAbsent(slug, s -> institutions.findBySlug(s)
                .filter(i -> i.status == cm.vigie.commons.tenancy.InstitutionStatus.ACTIVE)
                .map(i -> new VerifyView.InstitutionRef(i.slug, name(i, locale))));
    }

    private static String name(Institution institution, Locale locale) {
        return Messages.FRENCH.getLanguage().equals(locale.getLanguage()) ? institution.nameFr : institution.nameEn;
    }
}
