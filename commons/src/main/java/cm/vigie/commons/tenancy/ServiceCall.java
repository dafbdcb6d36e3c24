package cm.vigie.commons.tenancy;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

/**
 * A service-to-service call on an internal endpoint ({@code /internal/**}): once the service key is checked, the
 * rest of the request acts for the institution the caller named, exactly as if one of its users had called
 * ({@link CurrentInstitution} and so Hibernate's tenant follow it). The gateway never routes {@code /internal}.
 */
@RequestScoped
public class ServiceCall {

    public static final String INSTITUTION_HEADER = "X-Vigie-Institution";

    private final ServiceKey serviceKey;
    private final InstitutionDirectory directory;
    private String institution;

    ServiceCall(ServiceKey serviceKey, InstitutionDirectory directory) {
        this.serviceKey = serviceKey;
        this.directory = directory;
    }

    /**
     * Checks the presented service key (401 otherwise), the institution id (400 when missing or malformed) and that
     * the institution is known and active (403 institution-suspended otherwise), then acts for that institution until
     * the request ends. Blocking: internal endpoints run on worker threads. The directory's own endpoint
     * ({@code /internal/institutions}) acts for no institution and so is never refused.
     */
    public String actAs(String presentedKey, String institutionId) {
        if (!serviceKey.matches(presentedKey)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "problem.service-key.detail");
        }
        if (institutionId == null || !Issuers.REALM_NAME.matcher(institutionId).matches()) {
            throw ProblemException.invalid(INSTITUTION_HEADER, "problem.service-call.institution");
        }
        directory.requireActive(institutionId);
        this.institution = institutionId;
        return institutionId;
    }

    /** The institution this internal call acts for; empty for every other request. */
    public Optional<String> institution() {
        return Optional.ofNullable(institution);
    }
}
