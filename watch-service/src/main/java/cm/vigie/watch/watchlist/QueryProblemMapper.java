package cm.vigie.watch.watchlist;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemType;

public class QueryProblemMapper {

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        boolean french = Messages.FRENCH.getLanguage().equals(locale.getLanguage());
        var errors = e.errors().stream()
                .map(error -> new QueryIssue("query", error.position(), error.code(),
                        french ? error.messageFr() : error.messageEn()))
                .toList();
        QueryProblem problem = new QueryProblem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.code(), Messages.get(locale, "problem.validation.title"),
                400, Messages.get(locale, "watchlist.query.invalid"), uri.getRequestUri().getRawPath(), errors);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
