package dev.engram.app.server.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentNegotiationTest {

    private static Optional<String> chosen(String accept, java.util.List<ResultSyntax> offered) {
        return ContentNegotiation.choose(accept, offered).map(c -> c.syntax() + " as " + c.type());
    }

    @Test
    void noHeaderOrAnyTypeTakesTheServersFirstChoice() {
        assertThat(chosen(null, ResultSyntax.RESULT_SETS)).hasValue("RESULTS_JSON as application/sparql-results+json");
        assertThat(chosen(" ", ResultSyntax.GRAPHS)).hasValue("TURTLE as text/turtle");
        assertThat(chosen("*/*", ResultSyntax.GRAPHS)).hasValue("TURTLE as text/turtle");
    }

    @Test
    void qualityDecidesAndTheMostSpecificRangeSetsIt() {
        assertThat(chosen("text/csv;q=0.5, text/tab-separated-values", ResultSyntax.RESULT_SETS)).hasValue("TSV as text/tab-separated-values");
        assertThat(chosen("application/sparql-results+xml;q=0.9, */*;q=0.1", ResultSyntax.RESULT_SETS))
                .hasValue("RESULTS_XML as application/sparql-results+xml");
        // text/* would allow Turtle, but the exact range excludes it
        assertThat(chosen("text/*, text/turtle;q=0", ResultSyntax.GRAPHS)).hasValue("N_TRIPLES as text/plain");
        assertThat(chosen("application/json", ResultSyntax.RESULT_SETS)).hasValue("RESULTS_JSON as application/json");
        assertThat(chosen("application/json", ResultSyntax.GRAPHS)).hasValue("JSON_LD as application/json");
        // Jena's remote client's own header for graphs
        assertThat(chosen("text/turtle,application/n-triples;q=0.9,application/rdf+xml;q=0.7,*/*;q=0.5", ResultSyntax.GRAPHS))
                .hasValue("TURTLE as text/turtle");
    }

    @Test
    void nothingAcceptableIsEmptyAndAMalformedHeaderIsRefused() {
        assertThat(chosen("image/png", ResultSyntax.RESULT_SETS)).isEmpty();
        assertThat(chosen("text/turtle", ResultSyntax.RESULT_SETS)).isEmpty();
        assertThat(chosen("*/*;q=0", ResultSyntax.GRAPHS)).isEmpty();
        assertThat(chosen("text/tab-separated-values", ResultSyntax.BOOLEANS)).isEmpty();
        assertThatThrownBy(() -> chosen("text/csv;q=", ResultSyntax.RESULT_SETS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Accept");
    }
}
