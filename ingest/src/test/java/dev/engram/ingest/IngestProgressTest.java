package dev.engram.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.BgeTokenizer;
import dev.engram.records.document.ContentHash;
import dev.engram.records.document.SourceDocument;
import dev.engram.store.testing.StoreTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress moves inside one large document: chunks are reported as they are embedded, with the bytes read. */
class IngestProgressTest extends StoreTestBase {
    @Test
    void oneLargeDocumentReportsChunksEmbeddedBeforeItIsDone() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 300_000; i++) {
            text.append("Sentence ").append(i).append(" of the long report says that Harbour ").append(i % 13)
                    .append(" lies north of Springfield — naïve café. ");
        }
        SourceDocument doc = new SourceDocument("long-report", "Long report", "long.txt", text.toString(), Map.of());
        List<String> events = new ArrayList<>();
        long[] bytes = {0};
        IngestListener listener = new IngestListener() {
            @Override
            public void documentRead(String documentId, long size) {
                bytes[0] += size;
            }

            @Override
            public void chunksSplit(int chunks) {
                events.add("split " + chunks);
            }

            @Override
            public void chunksEmbedded(int chunks) {
                events.add("embedded " + chunks);
            }

            @Override
            public void documentDone(String documentId, int chunks, int triples, boolean unchanged) {
                events.add("done " + chunks);
            }
        };
        TokenChunker chunker = new TokenChunker(BgeTokenizer.loadDefault());
        new IngestPipeline(store, embedder, chunker::chunk, ContentHash::of, null, IngestOptions.DEFAULTS)
                .run(DocumentSource.of(List.of(doc)), listener);

        assertThat(bytes[0]).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8).length);
        int chunks = Integer.parseInt(events.getFirst().substring("split ".length()));
        assertThat(chunks).isGreaterThan(256);
        List<String> embedded = events.stream().filter(e -> e.startsWith("embedded ")).toList();
        assertThat(embedded).as("several progress reports within the one document").hasSizeGreaterThanOrEqualTo(2);
        assertThat(embedded.stream().mapToInt(e -> Integer.parseInt(e.substring("embedded ".length()))).sum()).isEqualTo(chunks);
        assertThat(events.getLast()).isEqualTo("done " + chunks);
        assertThat(count("MATCH (c:Chunk {documentId: 'long-report'}) RETURN count(c)")).isEqualTo(chunks);
    }
}
