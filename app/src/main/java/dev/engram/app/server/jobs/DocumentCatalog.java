package dev.engram.app.server.jobs;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.search.AccessCypher;
import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.search.AccessFilter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** Lists and deletes documents within the caller's access. */
@Component
public class DocumentCatalog {
    /** Most documents listed in one page. */
    public static final int MAX_PAGE = 1000;

    private final EngramRuntime runtime;

    DocumentCatalog(EngramRuntime runtime) {
        this.runtime = runtime;
    }

    /** Readable documents ordered by id, a page at a time ({@code limit} at most {@link #MAX_PAGE}). */
    public List<DocumentSummary> list(AccessFilter access, int offset, int limit) {
        return list(access, offset, limit, false);
    }

    /** Readable documents a page at a time, newest ingest first when {@code newestFirst} (then by id), else by id. */
    public List<DocumentSummary> list(AccessFilter access, int offset, int limit, boolean newestFirst) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw ApiException.badRequest("offset must be >= 0 and limit between 1 and " + MAX_PAGE);
        }
        Map<String, Object> params = AccessCypher.params(access);
        params.put("offset", offset);
        params.put("limit", limit);
        try (Session session = runtime.store().session()) {
            return session.executeRead(tx -> tx.run("MATCH (d:Document) WHERE " + AccessCypher.readable("d") + """
                     RETURN d.id AS id, d.title AS title, d.source AS source, d.tenant AS tenant, d.acl AS acl,
                           COUNT { (:Chunk)-[:PART_OF]->(d) } AS chunks, toString(d.ingestedAt) AS ingestedAt
                    ORDER BY %s SKIP $offset LIMIT $limit
                    """.formatted(newestFirst ? "d.ingestedAt DESC, id" : "id"), params).list(r -> new DocumentSummary(r.get("id").asString(), r.get("title").asString(null),
                    r.get("source").asString(null), r.get("tenant").asString(null),
                    r.get("acl").isNull() ? List.of() : r.get("acl").asList(Value::asString), r.get("chunks").asLong(),
                    r.get("ingestedAt").asString(null))));
        }
    }

    /** Those of {@code ids} another owner than {@code tenant} holds (the writer's own rule, asked before any work). */
    List<String> ownedByOthers(List<String> ids, String tenant) {
        return new DocumentWriter(runtime.store()).ownedByOthers(ids, tenant);
    }

    /**
     * Deletes a document the caller may read and, for a tenant-scoped caller, that belongs to its tenant (public
     * documents are not a tenant's to delete).
     */
    public void delete(String id, AccessFilter access) {
        Map<String, Object> params = AccessCypher.params(access);
        params.put("id", id);
        List<String> tenants;
        try (Session session = runtime.store().session()) {
            tenants = session.executeRead(tx -> tx.run("MATCH (d:Document {id: $id}) WHERE " + AccessCypher.readable("d")
                    + " RETURN d.tenant AS tenant", params).list(r -> r.get("tenant").asString(null)));
        }
        if (tenants.isEmpty()) {
            throw ApiException.notFound("no document with id '" + id + "'");
        }
        if (!AccessFilter.ANY.equals(access.tenant()) && !Objects.equals(tenants.getFirst(), access.tenant())) {
            throw ApiException.forbidden("document '" + id + "' does not belong to tenant '" + access.tenant() + "'");
        }
        new DocumentDeleter(runtime.store()).delete(id);
        runtime.projections().invalidate();
    }
}
