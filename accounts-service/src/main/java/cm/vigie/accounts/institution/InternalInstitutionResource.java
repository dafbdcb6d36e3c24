package cm.vigie.accounts.institution;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.KnownInstitution;
import cm.vigie.commons.tenancy.ServiceKey;

/**
 * The institution directory for the other services: realm and status of every institution. Internal: the gateway
 * never routes {@code /internal}, and the caller must present the service key.
 */
@Path("/internal/institutions")
@Produces(MediaType.APPLICATION_JSON)
public class InternalInstitutionResource {

    private final InstitutionRepository institutions;
    private final ServiceKey serviceKey;

    InternalInstitutionResource(InstitutionRepository institutions, ServiceKey serviceKey) {
        this.institutions = institutions;
        this.serviceKey = serviceKey;
    }

    @GET
    @PermitAll
    @Operation(hidden = true)
    public List<KnownInstitution> directory(@HeaderParam(ServiceKey.HEADER) String presentedKey) {
        if (!serviceKey.matches(presentedKey)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "internal.service-key");
        }
        return institutions.known();
    }
}
