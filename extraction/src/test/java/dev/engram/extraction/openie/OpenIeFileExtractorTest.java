package dev.engram.extraction.openie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.records.triples.Triple;
import java.io.IOException;
import java.nio.file.Files;
import dev.engram.extraction.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenIeFileExtractorTest {

    private static Path musiqueDir;
    private static OpenIeFileExtractor musique;

    @BeforeAll
    static void load() throws IOException {
        java.util.Optional<Path> file = SharedData.resolve("musique-100/openie-gpt-3.5-turbo-1106.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(file.isPresent(),
                "HippoRAG's musique-100 OpenIE file is not on this machine (shared/data beside the clone)");
        musique = OpenIeFileExtractor.load(file.get());
        musiqueDir = file.get().getParent();
    }

    @Test
    void countsTheTriplesOfHippoRagsMusiqueExtraction() {
        OpenIeReport report = musique.report();

        assertThat(report.documents()).isEqualTo(1890);
        assertThat(report.totalTriples()).isEqualTo(17_419);
        assertThat(report.validTriples()).isEqualTo(17_234);
        assertThat(report.malformedTriples()).isEqualTo(185);
        assertThat(report.distinctPerPassage()).isEqualTo(17_204);
        assertThat(report.distinctOverall()).isEqualTo(17_034);
        assertThat(report.distinctEntities()).isEqualTo(12_049);
        assertThat(report.distinctTripleEntities()).isEqualTo(16_229);
    }

    @Test
    void matchesEveryCorpusPassage() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(musiqueDir.resolve("corpus.jsonl"));
        int triples = 0;
        for (String line : lines) {
            JsonNode passage = json.readTree(line);
            String title = passage.path("title").asText();
            String text = passage.path("text").asText();
            assertThat(musique.contains(title, text)).as(passage.path("id").asText()).isTrue();
            triples += musique.extract(title, text).size();
        }
        assertThat(lines).hasSize(1890);
        // The 17,234 valid triples less the 30 repeated inside their passage.
        assertThat(triples).isEqualTo(17_204);
        assertThat(musique.misses()).isZero();
    }

    @Test
    void findsAPassageByTitleAndTextOrByHippoRagsPassageString() {
        String title = "Journal of Mathematical Physics";
        String text = "The Journal of Mathematical Physics is a peer-reviewed journal published monthly by the American "
                + "Institute of Physics devoted to the publication of papers in mathematical physics. The journal was "
                + "first published bimonthly beginning in January 1960; it became a monthly publication in 1963. The "
                + "current editor is Jan Philip Solovej from University of Copenhagen. Its 2018 Impact Factor is 1.355";
        Triple fact = new Triple("Journal of Mathematical Physics", "published by", "American Institute of Physics");

        assertThat(musique.extract(title, text)).contains(fact);
        assertThat(musique.extract(null, title + "\n" + text)).contains(fact);
        assertThat(musique.extract(title, title + "\n" + text)).contains(fact);
        assertThat(musique.extract(title, title + ": " + text)).contains(fact);
        assertThat(musique.extract("Some other title", text.replace(" ", "  "))).contains(fact);
        assertThat(musique.entitiesFor(title, text)).contains("Jan Philip Solovej", "University of Copenhagen");
    }

    @Test
    void unknownPassageHasNoTriples() throws IOException {
        OpenIeFileExtractor extractor = OpenIeFileExtractor.load(musiqueDir.resolve("openie-gpt-3.5-turbo-1106.json"));

        assertThat(extractor.extract("Nowhere", "A passage that is not in the corpus.")).isEmpty();
        assertThat(extractor.entitiesFor("Nowhere", "A passage that is not in the corpus.")).isEmpty();
        assertThat(extractor.misses()).isEqualTo(1);
    }

    @Test
    void skipsAndCountsMalformedTriples(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("openie.json");
        Files.writeString(file, """
                {"docs": [{"title": "T", "text": "Body.", "passage": "T\\nBody.",
                  "extracted_entities": ["A", "B", null, 7],
                  "extracted_triples": [["A", "likes", "B"], ["A", "likes"], ["A", null, "B"], ["A", "is", 7],
                                        ["A", " ", "B"], "A likes B", null, ["A", "likes", "B", "a lot"],
                                        [" a ", "Likes", "b!"], ["A", "likes", "B"]]}]}
                """);

        OpenIeFileExtractor extractor = OpenIeFileExtractor.load(file);

        assertThat(extractor.extract("T", "Body.")).containsExactly(
                new Triple("A", "likes", "B"), new Triple("a", "Likes", "b!"));
        assertThat(extractor.entitiesFor("T", "Body.")).containsExactly("A", "B");
        assertThat(extractor.report()).isEqualTo(new OpenIeReport(1, 10, 3, 7, 1, 1, 2, 2));
    }

    @Test
    void rejectsAFileWithoutDocs(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"passages\": []}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenIeFileExtractor.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no \"docs\" array");
    }
}
