package dev.engram.store.testing;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.store.lexical.DocumentRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builds documents for tests: one chunk per paragraph, embedded with {@link HashEmbedder}. */
public final class Docs {

    private Docs() {}

    public static DocumentRecord doc(String id, String title, String... paragraphs) {
        return doc(id, title, null, List.of(), paragraphs);
    }

    public static DocumentRecord doc(String id, String title, String tenant, List<String> acl, String... paragraphs) {
        String text = String.join("\n\n", paragraphs);
        List<TextChunk> chunks = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < paragraphs.length; i++) {
            String p = paragraphs[i];
            chunks.add(new TextChunk(chunkId(id, i), id, i, p, p.split("\\s+").length, offset, offset + p.length()));
            vectors.add(HashEmbedder.vector(p));
            offset += p.length() + 2;
        }
        SourceDocument source = new SourceDocument(id, title, "test:" + id, text,
                Map.of("year", 2024, "lang", "en", "nested", Map.of("x", 1), "title", "meta title"));
        return new DocumentRecord(source, sha256(text), tenant, acl, chunks, vectors);
    }

    public static String chunkId(String documentId, int index) {
        return documentId + "#" + index;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
