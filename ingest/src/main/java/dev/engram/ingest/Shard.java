package dev.engram.ingest;

import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Consumer;

/**
 * Share {@code index} of {@code count} of a corpus ({@code --shard i/n}): the documents whose id hashes (SHA-256) to
 * {@code index} modulo {@code count}. Deterministic on every machine and disjoint, so n processes given shards 0..n-1
 * of the same sources ingest every document exactly once between them.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is i/n with 0 <= i < n, got " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the one message below
        }
        throw new IllegalArgumentException("--shard takes i/n (e.g. 0/4), got '" + text + "'");
    }

    /** {@code i/n}, as parsed. */
    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** True when the document (or the unreadable file) {@code id} belongs to this shard. */
    public boolean owns(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return Math.floorMod(h, count) == index;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** {@code source}, offering only this shard's documents (and problems). */
    public DocumentSource of(DocumentSource source) {
        return new DocumentSource() {
            @Override
            public long estimatedCount() {
                long all = source.estimatedCount();
                return all < 0 ? all : (all + count - 1) / count;
            }

            @Override
            public void forEach(Consumer<SourceDocument> documents, Consumer<LoadProblem> problems) {
                source.forEach(d -> {
                    if (owns(d.id())) {
                        documents.accept(d);
                    }
                }, p -> {
                    if (owns(p.file() + ":" + p.line())) {
                        problems.accept(p);
                    }
                });
            }
        };
    }
}
