package dev.engram.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.neo4j.Neo4jServerProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The explorer as an organisation runs it: the graph in a Neo4j server that Engram reaches only over Bolt (a child
 * JVM here, as a server, cluster or Aura would be) and API keys on. The analyst pastes a key into the API key
 * popover; then the first screen, search, expand, supporting sentences and the Cypher console work as against the
 * embedded default, and a read key is refused curation with a message that says why.
 */
// the keys of ServerTestBase: ADMIN writes every tenant, READER_ALL reads every tenant
@TestPropertySource(properties = "engram.api-keys=admin-key:write:*,reader-all:read:*")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExplorerRemoteStoreBrowserTest extends BrowserTestBase {
    private static Path neo4jDir;
    private static Neo4jServerProcess.Child neo4j;
    /** The first demo documents: Black Hawk Down and Ridley Scott among them. */
    private static final int DOCUMENTS = 12;

    @DynamicPropertySource
    static void remoteNeo4j(DynamicPropertyRegistry registry) throws Exception {
        neo4jDir = Files.createTempDirectory("engram-remote-neo4j");
        neo4j = Neo4jServerProcess.launch(neo4jDir.resolve("data"), neo4jDir.resolve("neo4j.log"), null);
        // Spring closes this class's server after the class (DirtiesContext); the Neo4j it talks to goes last
        Runtime.getRuntime().addShutdownHook(new Thread(ExplorerRemoteStoreBrowserTest::stopNeo4j));
        registry.add("engram.neo4j.uri", neo4j::boltUri);
    }

    private static void stopNeo4j() {
        try {
            neo4j.close();
            try (var files = Files.walk(neo4jDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("stopping the test's Neo4j process", e);
        }
    }

    @Override
    protected Path screenshots() {
        return ExplorerBrowserTest.SCREENSHOTS.resolve("remote");
    }

    @Override
    protected String httpKey() {
        return ADMIN;
    }

    @BeforeAll
    void start() throws Exception {
        String first;
        try (InputStream in = getClass().getResourceAsStream("/demo/movies.jsonl")) {
            first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(DOCUMENTS)
                    .collect(Collectors.joining("\n", "", "\n"));
        }
        upload("movies-12.jsonl", first);
        openBrowser(null);
    }

    @Test
    @Order(0)
    void withoutAKeyThePageSaysSoAndWithOneTheFirstScreenShowsTheRemoteGraph() {
        assertThat(driver.findElement(By.id("status")).getText()).contains("API key");
        // the refused requests are what this step is about: the browser logs each 401
        assertThat(severeBrowserLogs()).isNotEmpty().allMatch(m -> m.contains("401"));
        screenshot("remote-no-key");

        driver.findElement(By.xpath("//summary[text()='API key']")).click();
        WebElement key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        key.sendKeys(ADMIN, Keys.TAB);
        waitForText(By.id("status"), "API key saved");
        driver.navigate().refresh();
        awaitReady();
        WebElement figures = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("corpus-figures")));
        assertThat(figures.findElement(By.cssSelector("[data-figure='documents']")).getText()).isEqualTo(String.valueOf(DOCUMENTS));
        assertThat(nodeLabels("node")).as("the overview's central entities").isNotEmpty();
        screenshot("remote-first-screen");
    }

    @Test
    @Order(1)
    void searchExpandAndSupportingSentencesComeFromTheRemoteGraph() {
        js("window.engram.canvas.clear()");
        chooseSuggestion(By.id("search"), "Ridley Scott");
        waitForText(By.id("inspector-title"), "Ridley Scott");
        driver.findElement(By.id("cy")).sendKeys(Keys.ENTER);
        wait.until(d -> nodeLabels("node").size() > 1);
        assertThat(nodeLabels("node")).contains("Black Hawk Down");
        WebElement evidence = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#inspector .evidence")));
        assertThat(evidence.getText()).startsWith("“").contains("Ridley Scott").contains(", passage ");
        screenshot("remote-expanded-with-evidence");
    }

    @Test
    @Order(2)
    void theCypherConsoleReadsTheRemoteGraph() throws Exception {
        runCypher("MATCH (d:Document) RETURN d.title ORDER BY d.title LIMIT 5", "5 rows");
        assertThat(driver.findElement(By.id("cypher-result")).getText()).contains("Black Hawk Down");
        // the same store over the API: the page showed what the remote Neo4j holds
        Map<?, ?> rows = json.convertValue(post("/api/cypher", Map.of("query", "MATCH (d:Document) RETURN count(d)")), Map.class);
        assertThat(((List<?>) ((List<?>) rows.get("rows")).get(0)).get(0)).isEqualTo(DOCUMENTS);
        screenshot("remote-cypher");
    }

    @Test
    @Order(3)
    void aReadKeyIsRefusedCurationWithAMessageThatSaysWhy() throws Exception {
        long entities = entityCount();
        driver.findElement(By.xpath("//summary[text()='API key']")).click();
        WebElement key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        key.clear();
        key.sendKeys(READER_ALL, Keys.TAB);
        waitForText(By.id("status"), "API key saved");
        driver.findElement(By.id("tab-curate")).click();
        waitForText(By.id("status"), "write key");
        assertThat(severeBrowserLogs()).isNotEmpty().allMatch(m -> m.contains("403"));
        assertThat(entityCount()).isEqualTo(entities);
        screenshot("remote-read-key-refused");
    }

    private List<String> severeBrowserLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).map(e -> e.getMessage()).toList();
    }

    private long entityCount() throws Exception {
        return post("/api/cypher", Map.of("query", "MATCH (e:Entity) RETURN count(e)")).get("rows").get(0).get(0).asLong();
    }
}
