package dev.engram.app.server.sparql;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import dev.engram.store.rdf.SparqlResult;
import dev.engram.store.rdf.SparqlResultWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol, so any SPARQL client works against Engram. A query comes as
 * {@code GET ?query=}, a form POST with {@code query=} or a POST of {@code application/sparql-query}; the answer is
 * in the syntax the {@code Accept} header asks for (SPARQL results JSON, XML, CSV or TSV for SELECT, the same
 * but TSV for ASK;
 * Turtle, N-Triples, JSON-LD or RDF/XML for CONSTRUCT and DESCRIBE), written by Jena, or 406. A GET without a
 * query answers the SPARQL 1.1 Service Description (Turtle unless asked otherwise). The graph is the caller's view,
 * as for {@code /api/sparql}: same keys, tenancy, timeout and row cap. Updates are refused with 403; there are no
 * named graphs, so {@code default-graph-uri} and {@code named-graph-uri} are refused with 400.
 */
@RestController
public class SparqlProtocolController {
    /** Where the endpoint listens. */
    public static final String PATH = "/sparql";

    /** Set to {@code true} when the row cap cut the answer, which the standard syntaxes cannot say themselves. */
    public static final String TRUNCATED_HEADER = "X-Engram-Truncated";

    private static final MediaType SPARQL_QUERY = MediaType.parseMediaType("application/sparql-query");
    private static final MediaType SPARQL_UPDATE = MediaType.parseMediaType("application/sparql-update");
    private static final List<String> DATASET_PARAMETERS = List.of("default-graph-uri", "named-graph-uri");

    private final SparqlEndpoint endpoint;

    SparqlProtocolController(SparqlEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> get(HttpServletRequest request, Caller caller) {
        refuseUpdate(request);
        String[] queries = values(request, "query");
        if (queries == null) {
            refuseDatasetParameters(request);
            return description(request);
        }
        return answer(single(queries), request, caller);
    }

    @PostMapping(PATH)
    ResponseEntity<byte[]> post(HttpServletRequest request, Caller caller) throws IOException {
        MediaType type = contentType(request);
        if (type.isCompatibleWith(SPARQL_UPDATE)) {
            throw SparqlEndpoint.updateRefused();
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            // percent-encoding at most triples a byte; beyond that the form is refused before Tomcat parses it
            long limit = 3L * endpoint.settings().maxQueryBytes() + 4096;
            if (request.getContentLengthLong() > limit) {
                throw endpoint.tooLarge();
            }
            refuseUpdate(request);
            String[] queries = values(request, "query");
            if (queries == null) {
                throw ApiException.badRequest("a form POST to " + PATH + " needs a query= parameter");
            }
            return answer(single(queries), request, caller);
        }
        if (type.isCompatibleWith(SPARQL_QUERY)) {
            refuseUpdate(request);
            if (values(request, "query") != null) {
                throw ApiException.badRequest("send the query either as the application/sparql-query body or as "
                        + "query=, not both");
            }
            return answer(body(request, type), request, caller);
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "POST a query to " + PATH + " as "
                + "application/sparql-query or as a form (application/x-www-form-urlencoded) with query=; "
                + "got Content-Type " + type);
    }

    private ResponseEntity<byte[]> answer(String query, HttpServletRequest request, Caller caller) {
        refuseDatasetParameters(request);
        if (query.isBlank()) {
            throw ApiException.badRequest("the SPARQL query is empty");
        }
        SparqlResult.Kind kind = endpoint.kind(query);
        List<ResultSyntax> offered = switch (kind) {
            case SELECT -> ResultSyntax.RESULT_SETS;
            case ASK -> ResultSyntax.BOOLEANS;
            case CONSTRUCT, DESCRIBE -> ResultSyntax.GRAPHS;
        };
        ContentNegotiation.Choice choice = negotiate(request, offered, "a " + kind + " result");
        SparqlResult result = endpoint.run(query, caller.access());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SparqlResultWriter.write(result, choice.syntax().lang(), out);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(withCharset(choice.type()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (result.truncated()) {
            response.header(TRUNCATED_HEADER, "true");
        }
        return response.body(out.toByteArray());
    }

    private ResponseEntity<byte[]> description(HttpServletRequest request) {
        ContentNegotiation.Choice choice = negotiate(request, ResultSyntax.GRAPHS, "the service description");
        String uri = ServletUriComponentsBuilder.fromRequestUri(request).replaceQuery(null).build().toUriString();
        Graph graph = ServiceDescription.of(uri, endpoint.settings());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, graph, choice.syntax().lang());
        return ResponseEntity.ok().contentType(withCharset(choice.type())).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(out.toByteArray());
    }

    private static ContentNegotiation.Choice negotiate(HttpServletRequest request, List<ResultSyntax> offered,
                                                       String what) {
        try {
            return ContentNegotiation.choose(request.getHeader(HttpHeaders.ACCEPT), offered).orElseThrow(() ->
                    new ApiException(HttpStatus.NOT_ACCEPTABLE, "Accept: " + request.getHeader(HttpHeaders.ACCEPT)
                            + " allows none of the syntaxes " + what + " can be written in: " + offered.stream()
                            .map(s -> s.types().getFirst().toString()).collect(Collectors.joining(", "))));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private String body(HttpServletRequest request, MediaType type) throws IOException {
        int limit = endpoint.settings().maxQueryBytes();
        if (request.getContentLengthLong() > limit) {
            throw endpoint.tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(limit + 1); // one byte more than allowed tells a chunked body is too long
        }
        if (bytes.length > limit) {
            throw endpoint.tooLarge();
        }
        Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        return new String(bytes, charset);
    }

    private static MediaType contentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a POST to " + PATH + " needs a Content-Type: "
                    + "application/sparql-query or application/x-www-form-urlencoded");
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw ApiException.badRequest("malformed Content-Type: " + e.getMessage());
        }
    }

    private static String single(String[] values) {
        if (values.length != 1) {
            throw ApiException.badRequest("exactly one query parameter is allowed, got " + values.length);
        }
        return values[0];
    }

    private static String[] values(HttpServletRequest request, String name) {
        try {
            return request.getParameterValues(name);
        } catch (IllegalStateException e) { // Tomcat's InvalidParameterException: bad percent-encoding and the like
            throw ApiException.badRequest("malformed request parameters: check their percent-encoding");
        }
    }

    private static void refuseUpdate(HttpServletRequest request) {
        if (values(request, "update") != null) {
            throw SparqlEndpoint.updateRefused();
        }
    }

    private static void refuseDatasetParameters(HttpServletRequest request) {
        List<String> given = DATASET_PARAMETERS.stream().filter(p -> values(request, p) != null).toList();
        if (!given.isEmpty()) {
            throw ApiException.badRequest(String.join(" and ", given) + " not supported: this endpoint has one "
                    + "default graph, the part of Engram's graph the caller may read, and no named graphs");
        }
    }

    private static MediaType withCharset(MediaType type) {
        return new MediaType(type, StandardCharsets.UTF_8);
    }
}
