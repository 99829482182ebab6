package dev.engram.app.server.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engram.app.server.ApiException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

/**
 * The Cypher allow-list decided on Neo4j's own parse tree: every forbidden clause in every spelling the lexer
 * accepts (comments, line breaks, backticks, case, escapes) is refused; read queries pass. The database-backed
 * checks (the same attacks over HTTP, with the graph unchanged afterwards) are in {@code AttackSuiteTest}.
 */
class CypherGuardTest {
    private final CypherGuard guard = new CypherGuard();

    /** Forbidden constructs, each in several disguises. */
    static Stream<String> forbidden() {
        List<String> loadCsv = List.of(
                "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
                "LOAD /* c */ CSV FROM 'file:///etc/passwd' AS l RETURN l",
                "LOAD // x\nCSV FROM 'file:///etc/passwd' AS l RETURN l",
                "load csv from 'file:///etc/passwd' as l return l",
                "LoAd\tCsV\nFROM 'https://example.com/x.csv' AS l RETURN l",
                "LOAD CSV WITH HEADERS FROM 'file:///etc/passwd' AS l RETURN l",
                "/* LOAD */ LOAD CSV FROM 'file:///x' AS l RETURN l",
                "MATCH (n) WITH n LIMIT 1 LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
                "CALL { LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l } RETURN l",
                "CALL () { LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l } RETURN l",
                "RETURN COLLECT { LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l } AS x",
                "MATCH (n) RETURN n UNION LOAD CSV FROM 'file:///etc/passwd' AS n RETURN n",
                "LOAD CSV FROM 'file:\\u002f\\u002f/etc/passwd' AS l RETURN l",
                "LOAD CSV FROM $url AS l RETURN l");
        List<String> admin = List.of(
                "SHOW TRANSACTIONS", "show transactions", "SHOW /* x */ TRANSACTIONS", "SHOW\nTRANSACTIONS YIELD *",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "terminate // bye\n transactions 'neo4j-transaction-1'",
                "SHOW TRANSACTIONS YIELD transactionId TERMINATE TRANSACTIONS transactionId",
                "SHOW PROCEDURES", "SHOW FUNCTIONS", "SHOW SETTINGS", "SHOW DATABASES", "SHOW USERS", "SHOW INDEXES",
                "SHOW CONSTRAINTS", "SHOW SERVERS", "SHOW CURRENT USER", "CREATE USER x SET PASSWORD 'abcdefgh'",
                "ALTER USER neo4j SET PASSWORD 'abcdefgh'", "CREATE DATABASE x", "STOP DATABASE neo4j",
                "CREATE INDEX hacked FOR (n:Hacked) ON (n.x)", "DROP INDEX chunk_embedding",
                "CREATE CONSTRAINT c FOR (n:X) REQUIRE n.id IS UNIQUE",
                "CALL { SHOW TRANSACTIONS YIELD transactionId RETURN transactionId } RETURN transactionId",
                "USE system SHOW USERS", "USE system MATCH (n) RETURN n");
        List<String> writes = List.of(
                "CREATE (n:Hacked) RETURN n", "MATCH (d:Document) DETACH DELETE d", "MERGE (n:Hacked {x: 1})",
                "MATCH (d:Document) SET d.title = 'pwned'", "MATCH (d:Document) REMOVE d.title",
                "FOREACH (x IN [1] | CREATE (:Hacked))", "INSERT (:Hacked)",
                "CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1",
                "MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 10 ROWS");
        List<String> procedures = List.of(
                "CALL dbms.listConfig() YIELD name RETURN name", "CALL `dbms`.`listConfig`() YIELD name RETURN name",
                "CALL `dbms.listConfig`() YIELD name RETURN name", "call DBMS.LISTCONFIG()",
                "CALL dbms.components()", "CALL db.createLabel('Hacked')", "CALL db.create.setNodeVectorProperty(null, 'x', [])",
                "CALL db.index.fulltext.drop('chunk_text')", "CALL db.clearQueryCaches()", "CALL db.awaitIndexes()",
                "CALL db.checkpoint()", "CALL apoc.load.json('file:///etc/passwd')", "CALL apoc.cypher.runWrite('CREATE (n)', {})",
                "CALL tx.setMetaData({a: 1})", "CALL dbms.killTransaction('x')", "CALL gds.graph.list()",
                "MATCH (n) CALL db.createProperty('x') RETURN n",
                "RETURN apoc.util.sleep(100000)", "RETURN `apoc`.`text`.join(['a'], ',')", "RETURN custom.fn(1)",
                "LOAD CSV FROM 'f' AS l RETURN file(), linenumber()", "RETURN file()");
        List<String> notOneReadQuery = List.of(
                "EXPLAIN MATCH (n) RETURN n", "PROFILE MATCH (n) RETURN n", "CYPHER 5 LOAD CSV FROM 'file:///x' AS l RETURN l",
                "CYPHER runtime=slotted MATCH (n) RETURN n", "MATCH (n) RETURN n; MATCH (m) DETACH DELETE m",
                "MATCH (n) RETURN n; SHOW TRANSACTIONS", "LO\\u0041D CSV FROM 'file:///etc/passwd' AS l RETURN l",
                "MATCH (n RETURN n", "");
        return Stream.of(loadCsv, admin, writes, procedures, notOneReadQuery).flatMap(List::stream);
    }

    @ParameterizedTest
    @MethodSource("forbidden")
    void refuses(String query) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> guard.check(query));
        assertThat(e).as(query).isNotNull();
        assertThat(e.status()).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
        assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("org.neo4j").doesNotContain("Context");
    }

    static Stream<String> allowed() {
        return Stream.of(
                "MATCH (n) RETURN n LIMIT 5",
                "match (d:Document {id: $id})<-[:PART_OF]-(c) return d.title, count(c)",
                "OPTIONAL MATCH (e:Entity)-[r:RELATION]->(o) WHERE e.name STARTS WITH 'A' RETURN e, r, o ORDER BY e.name SKIP 1 LIMIT 3",
                "UNWIND range(1, 5) AS x WITH x WHERE x % 2 = 0 RETURN collect(x), size([1, 2]), toUpper('a')",
                "MATCH (n) RETURN n.name AS name UNION MATCH (m) RETURN m.title AS name",
                "MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS degree } RETURN n, degree",
                "MATCH (n) WHERE EXISTS { MATCH (n)-[:MENTIONS]->() } RETURN COUNT { (n)--() } AS c",
                "CALL db.labels() YIELD label RETURN label",
                "CALL `db`.`relationshipTypes`() YIELD relationshipType RETURN relationshipType",
                "CALL db.index.fulltext.queryNodes('chunk_text', 'Lisbon') YIELD node, score RETURN node.id, score",
                "RETURN date('2024-01-01'), datetime.truncate('day', datetime()), duration.between(date(), date()), point.distance(point({x:0,y:0}), point({x:1,y:1}))",
                "RETURN vector.similarity.cosine([1.0, 0.0], [1.0, 0.0]), db.nameFromElementId('x')",
                "// a comment\nMATCH (n) /* another */ RETURN n // trailing",
                "MATCH (n) WHERE n.text CONTAINS 'LOAD CSV FROM' RETURN n",
                "MATCH (n) WHERE n.name = 'SHOW TRANSACTIONS' RETURN n.`id`",
                "MATCH p = shortestPath((a:Entity)-[*..3]-(b:Entity)) RETURN p",
                "MATCH (n) RETURN n LIMIT 5;");
    }

    @ParameterizedTest
    @MethodSource("allowed")
    void allows(String query) {
        assertThatCode(() -> guard.check(query)).as(query).doesNotThrowAnyException();
    }
}
