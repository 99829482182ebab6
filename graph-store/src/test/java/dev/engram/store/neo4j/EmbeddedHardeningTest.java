package dev.engram.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;

/**
 * The embedded database itself, beneath every API filter: no query reads files (file URLs off, import directory an
 * empty folder), and with a password the Bolt port refuses a client without it — tried with the real Java driver.
 */
class EmbeddedHardeningTest {
    @TempDir Path dir;

    @Test
    void loadCsvCannotReadFilesEvenWhenSentStraightToTheDatabase() throws Exception {
        Path secret = dir.resolve("secret.csv");
        Files.writeString(secret, "api-key,hunter2\n");
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dir.resolve("data"), 0)); Session s = store.session()) {
            for (String url : new String[] {secret.toUri().toString(), "file:///etc/passwd", "file:///secret.csv",
                    "file:///../secret.csv"}) {
                assertThatThrownBy(() -> s.run("LOAD CSV FROM $url AS row RETURN row", Map.of("url", url)).list())
                        .as(url).isInstanceOf(ClientException.class);
            }
            assertThat(Files.list(dir.resolve("data").resolve(EmbeddedNeo4j.IMPORT_DIR)).count()).isZero();
        }
    }

    @Test
    void withAPasswordBoltRefusesClientsWithoutIt() {
        String password = "s3cret-for-test-only";
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dir.resolve("data"), 0).withBoltPassword(password))) {
            String uri = store.boltUri();
            try (Driver none = GraphDatabase.driver(uri, AuthTokens.none())) {
                assertThatThrownBy(none::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            }
            try (Driver wrong = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", "not-the-password"))) {
                assertThatThrownBy(wrong::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            }
            try (Driver right = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password)); Session s = right.session()) {
                assertThat(s.run("RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
            }
            try (Session s = store.session()) {
                assertThat(s.run("MATCH (n:Hacked) RETURN count(n)").single().get(0).asLong()).isZero();
            }
        }
        // reopening with the same password (already set) works too
        try (GraphStore again = GraphStore.open(StoreConfig.embedded(dir.resolve("data"), 0).withBoltPassword(password))) {
            assertThat(again.boltUri()).startsWith("bolt://127.0.0.1:");
        }
    }
}
