package cm.vigie.plan.workflow;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import cm.vigie.commons.http.ETags;

/** An item's answer with its ETag. */
public final class Responses {

    private Responses() {
    }

    public static Response ok(Object view, long version) {
        return Response.ok(view).header(HttpHeaders.ETAG, ETags.of(version)).build();
    }

    public static Response created(java.net.URI location, Object view, long version) {
        return Response.created(location).entity(view).header(HttpHeaders.ETAG, ETags.of(version)).build();
    }
}
