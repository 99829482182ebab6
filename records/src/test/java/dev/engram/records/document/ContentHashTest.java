package dev.engram.records.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void sameContentSameHashRegardlessOfIdSourceAndKeyOrder() {
        Map<String, Object> m1 = new LinkedHashMap<>();
        m1.put("b", 1);
        m1.put("a", Map.of("y", 2, "x", List.of(1, 2)));
        Map<String, Object> m2 = new LinkedHashMap<>();
        m2.put("a", Map.of("x", List.of(1, 2), "y", 2));
        m2.put("b", 1);
        String h1 = ContentHash.of(new SourceDocument("id1", "T", "/a/path", "text", m1));
        String h2 = ContentHash.of(new SourceDocument("id2", "T", "/other/path", "text", m2));
        assertThat(h1).isEqualTo(h2).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void anyContentChangeChangesTheHash() {
        String base = ContentHash.of(new SourceDocument("d", "T", "s", "text", Map.of("k", "v")));
        assertThat(ContentHash.of(new SourceDocument("d", "T2", "s", "text", Map.of("k", "v")))).isNotEqualTo(base);
        assertThat(ContentHash.of(new SourceDocument("d", "T", "s", "text.", Map.of("k", "v")))).isNotEqualTo(base);
        assertThat(ContentHash.of(new SourceDocument("d", "T", "s", "text", Map.of("k", "w")))).isNotEqualTo(base);
        assertThat(ContentHash.of(new SourceDocument("d", "T", "s", "text", Map.of()))).isNotEqualTo(base);
        // field boundaries are unambiguous
        assertThat(ContentHash.of("ab", "c", Map.of())).isNotEqualTo(ContentHash.of("a", "bc", Map.of()));
    }

    @Test
    void isAFixedFunction() {
        // pins the canonical form: changing it would make every stored document look changed
        assertThat(ContentHash.of("", "", Map.of()))
                .isEqualTo(ContentHash.ofText("[\"engram-doc-v1\",\"\",\"\",{}]"));
        assertThat(ContentHash.ofText("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
