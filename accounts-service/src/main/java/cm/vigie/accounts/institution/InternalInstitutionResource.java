package cm.vigie.accounts.institution;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cm.vigie.commons.http.ETags;
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

    /** The version of the directory, as its ETag also carries it. */
    public record DirectoryVersion(long version) {
    }

    private final InstitutionRepository institutions;
    private final InstitutionChanges changes;
    private final ServiceKey serviceKey;

    InternalInstitutionResource(InstitutionRepository institutions, InstitutionChanges changes, ServiceKey serviceKey) {
        this.institutions = institutions;
        this.changes = changes;
        this.serviceKey = serviceKey;
    }

    @GET
    @PermitAll
    @Operation(hidden = true)
    public List<KnownInstitution> directory(@HeaderParam(ServiceKey.HEADER) String presentedKey) {
        requireServiceKey(presentedKey);
        return institutions.known();
    }

    /**
     * The directory's version, polled by every replica of the other services (twice a second by default): answers 304
     * while it matches {@code If-None-Match}, so that the directory itself is read only after a change.
     */
    @GET
    @Path("version")
    @PermitAll
    @Operation(hidden = true)
    public Response version(@HeaderParam(ServiceKey.HEADER) String presentedKey,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        requireServiceKey(presentedKey);
        long version = changes.version();
        String etag = ETags.of(version);
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return Response.ok(new DirectoryVersion(version)).header(HttpHeaders.ETAG, etag).build();
    }

    private void requireServiceKey(String presentedKey) {
        if (!serviceKey.matches(presentedKey)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "internal.service-key");
        }
    }
}
