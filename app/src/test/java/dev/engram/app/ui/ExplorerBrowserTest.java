package dev.engram.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.server.ServerTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * The web graph explorer in real headless Chromium against the real server (embedded Neo4j, ONNX embedder) over the
 * bundled movies demo corpus. The steps build on each other in order, as an analyst would use the page: search →
 * expand → inspect → ask → path → Cypher → SPARQL → upload → delete, then a 2,000-node canvas. Each step asserts on what the
 * page shows, saves a screenshot under target/screenshots/, and checks that the browser logged no errors.
 */
@TestPropertySource(properties = {
        // small chunks, so the demo documents have several and the inspector's previous/next navigation is exercised
        "engram.chunk-tokens=64",
        "engram.chunk-overlap=8"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerBrowserTest extends ServerTestBase {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String CHROMIUM = System.getProperty("engram.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("engram.chromedriver", "/usr/bin/chromedriver");

    WebDriver driver;
    WebDriverWait wait;
    Path profile;
    int shot;

    @BeforeAll
    void start() throws Exception {
        assertThat(Path.of(CHROMIUM)).as("the browser tests need Debian's chromium and chromium-driver: "
                + "apt-get install -y chromium chromium-driver (.ci/run does this)").exists();
        assertThat(Path.of(CHROMEDRIVER)).exists();
        ingestDemoCorpus();
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.list(SCREENSHOTS)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        profile = Files.createTempDirectory("engram-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // panels re-render as data arrives: an element found a moment ago may be replaced before it is read
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        driver.get("http://localhost:" + port + "/");
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Every step leaves the console free of errors: no uncaught exceptions, no failed requests. */
    @AfterEach
    void noBrowserErrors() {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        Object uncaught = js("return window.engram.errors.slice()");
        assertThat(severe).as("browser console errors").isEmpty();
        assertThat((List<?>) uncaught).as("uncaught errors in the page").isEmpty();
    }

    // ---- the analyst's path through the explorer ----

    @Test
    @Order(1)
    void searchSuggestsAndOpensAnEntityOnTheCanvas() {
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("Ridley Scott");
        WebElement suggestion = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'suggestion')]/span[text()='Ridley Scott']")));
        screenshot("search-suggestions");
        suggestion.click();
        waitForText(By.id("canvas-stats"), "1 node");
        assertThat(nodeLabels("node")).containsExactly("Ridley Scott");
        waitForText(By.id("inspector-title"), "Ridley Scott");
        screenshot("search-result-on-canvas");
    }

    @Test
    @Order(2)
    void enterOnTheCanvasExpandsTheNeighbourhood() {
        WebElement canvas = driver.findElement(By.id("cy"));
        assertThat(driver.switchTo().activeElement()).as("choosing a result focuses the canvas").isEqualTo(canvas);
        canvas.sendKeys(Keys.ENTER);
        wait.until(d -> nodeLabels("node").size() > 1);
        assertThat(nodeLabels("node.expanded")).containsExactly("Ridley Scott");
        assertThat(driver.findElement(By.id("canvas-stats")).getText()).doesNotStartWith("1 node ");
        // the inspector now offers collapse
        wait.until(ExpectedConditions.textToBe(By.id("action-expand"), "Collapse"));
        screenshot("expanded-neighbourhood");
    }

    @Test
    @Order(3)
    void inspectorShowsChunksTriplesAndNavigatesChunks() {
        WebElement inspector = driver.findElement(By.id("inspector"));
        wait.until(d -> !inspector.findElements(By.cssSelector(".chunk-list .chunk-link")).isEmpty());
        assertThat(inspector.findElements(By.cssSelector(".triple"))).as("Ridley Scott's triples").isNotEmpty();
        assertThat(inspector.findElement(By.cssSelector(".triple")).getText()).contains("from");
        screenshot("inspector-entity");

        inspector.findElement(By.cssSelector(".chunk-list .chunk-link")).click();
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chunk-text")));
        assertThat(text.getText()).contains("Ridley Scott");
        String first = text.getText();
        screenshot("inspector-chunk");
        WebElement next = driver.findElement(By.id("chunk-next"));
        assertThat(driver.findElement(By.id("chunk-prev")).isEnabled()).as("the first chunk has no previous").isFalse();
        next.click();
        wait.until(d -> !d.findElement(By.id("chunk-text")).getText().equals(first));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inspector-title"), "#1"));
        driver.findElement(By.id("chunk-prev")).click();
        wait.until(ExpectedConditions.textToBe(By.id("chunk-text"), first));
        driver.findElement(By.id("chunk-document")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#inspector-body .doc-chunks li")).isEmpty());
        assertThat(driver.findElement(By.id("inspector-body")).getText()).contains("Document");
        screenshot("inspector-document");

        // Escape closes the inspector
        driver.findElement(By.cssSelector("#inspector-body .doc-chunks .chunk-link")).sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("inspector")));
    }

    @Test
    @Order(4)
    void askShowsPassagesAndMarksSeedsOnTheCanvas() {
        driver.findElement(By.id("tab-ask")).click();
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-question")));
        question.sendKeys("Who directed Black Hawk Down?", Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector("#ask-passages .passage")).isEmpty());
        String passages = driver.findElement(By.id("ask-passages")).getText();
        assertThat(passages).contains("[1]").contains("Black Hawk Down");
        assertThat(driver.findElement(By.id("ask-seeds")).getText()).isNotBlank();
        assertThat(nodeLabels("node.seed")).as("seeds marked on the canvas").isNotEmpty();
        screenshot("ask");
    }

    @Test
    @Order(5)
    void pathFinderDrawsAndHighlightsAPath() throws Exception {
        // two entities two RELATION hops apart, found the way an operator would, through the Cypher API
        JsonNode row = post("/api/cypher", Map.of("query", """
                MATCH (a:Entity)-[:RELATION]-(b:Entity)-[:RELATION]-(c:Entity)
                WHERE a.name = 'Ridley Scott' AND c <> a AND NOT (a)-[:RELATION]-(c)
                RETURN a.name, c.name ORDER BY c.chunkCount DESC, c.name LIMIT 1""")).get("rows").get(0);
        String from = row.get(0).asText();
        String to = row.get(1).asText();

        driver.findElement(By.id("tab-paths")).click();
        chooseSuggestion(By.id("path-from"), from);
        chooseSuggestion(By.id("path-to"), to);
        driver.findElement(By.cssSelector("#path-form button[type=submit]")).click();
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#path-list li")));
        assertThat(list.getText()).startsWith(from).endsWith(to);
        assertThat(nodeLabels("node.path")).contains(from, to);
        assertThat(((Number) js("return window.engram.canvas.instance().edges('.path').length")).intValue()).isGreaterThanOrEqualTo(2);
        screenshot("path-highlighted");
    }

    @Test
    @Order(6)
    void cypherConsoleShowsATableAndTheGraph() {
        driver.findElement(By.id("tab-cypher")).click();
        WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cypher-query")));
        query.clear();
        query.sendKeys("MATCH (c:Chunk)-[p:PART_OF]->(d:Document {id: 'case-movies-00000'}) RETURN d.title AS title, c.index AS chunk, c, p, d ORDER BY chunk");
        query.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cypher-table tbody tr")));
        List<String> headers = driver.findElements(By.cssSelector("#cypher-table th")).stream().map(WebElement::getText).toList();
        assertThat(headers).containsExactly("title", "chunk", "c", "p", "d");
        assertThat(table.getText()).contains("Black Hawk Down");
        assertThat(driver.findElement(By.id("cypher-summary")).getText()).contains("drawn on the canvas");
        assertThat(nodeLabels("node[kind = 'Document']")).contains("Black Hawk Down");
        screenshot("cypher-table");
    }

    @Test
    @Order(6)
    void sparqlConsoleQueriesTheStandardEndpoint() {
        driver.findElement(By.id("tab-sparql")).click();
        WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sparql-query")));
        query.clear();
        query.sendKeys("PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?doc ?title WHERE { ?doc dcterms:title ?title "
                + "FILTER(?title = \"Black Hawk Down\") }");
        query.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sparql-table tbody tr")));
        assertThat(driver.findElements(By.cssSelector("#sparql-table th")).stream().map(WebElement::getText).toList())
                .containsExactly("?doc", "?title");
        assertThat(table.getText()).contains("Black Hawk Down", "https://engram.dev/id/document/");
        screenshot("sparql-table");

        query.clear();
        query.sendKeys("PREFIX dcterms: <http://purl.org/dc/terms/> CONSTRUCT { ?doc dcterms:title ?title } WHERE { "
                + "?doc dcterms:title ?title FILTER(?title = \"Black Hawk Down\") }");
        query.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement triples = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sparql-triples")));
        assertThat(triples.getText()).contains("<http://purl.org/dc/terms/title> \"Black Hawk Down\"");
        assertThat(driver.findElement(By.id("sparql-summary")).getText()).isEqualTo("1 triple");
    }

    @Test
    @Order(7)
    void uploadIngestsWithProgressAndListsTheDocument() throws Exception {
        driver.findElement(By.id("tab-documents")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#documents-body tr")).isEmpty());
        Path file = Files.createTempDirectory("engram-ui-upload").resolve("quokka.jsonl");
        Files.writeString(file, """
                {"id": "a-quokka", "title": "Quokka Island", "text": "Rottnest Island is home to the quokka. The quokka is a small marsupial. Willem de Vlamingh named Rottnest Island in 1696."}
                """);
        driver.findElement(By.id("upload-files")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-progress")));
        wait.until(d -> "SUCCEEDED".equals(d.findElement(By.id("job")).getDomAttribute("data-state")));
        assertThat(driver.findElement(By.id("job-text")).getText()).contains("succeeded");
        WebElement progress = driver.findElement(By.id("job-progress"));
        assertThat(progress.getDomProperty("value")).isEqualTo(progress.getDomProperty("max"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#documents-body tr[data-document-id='a-quokka']")));
        assertThat(driver.findElement(By.cssSelector("#documents-body tr[data-document-id='a-quokka']")).getText()).contains("Quokka Island");
        screenshot("upload-ingested");
    }

    @Test
    @Order(8)
    void deleteRemovesTheDocumentAfterConfirmation() {
        By row = By.cssSelector("#documents-body tr[data-document-id='a-quokka']");
        WebElement delete = driver.findElement(row).findElement(By.cssSelector("button[data-action=delete]"));
        delete.click();
        assertThat(delete.getText()).isEqualTo("Confirm delete");
        screenshot("delete-confirm");
        delete.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        waitForText(By.id("status"), "Deleted Quokka Island");
        screenshot("deleted");
    }

    @Test
    @Order(9)
    void twoThousandNodeCanvasStaysInteractive() throws Exception {
        js("window.engram.openTab('ask'); document.getElementById('drawer-close').click();");
        Object loaded = js("return window.engram.loadSynthetic(2000)");
        assertThat(loaded.toString()).contains("nodes=2000");
        waitForText(By.id("canvas-stats"), "2000 nodes");
        Object timings = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.engram.measureInteraction(10).then(r => done(JSON.stringify(r)), e => done('error: ' + e));");
        String report = "2,000-node canvas, layout-free interactions (ms, until two animation frames have passed): " + timings;
        System.out.println(report);
        Files.writeString(SCREENSHOTS.resolve("interaction-2000.txt"), report + "\n");
        assertThat(timings.toString()).contains("\"nodes\":2000").contains("\"pan\"").doesNotContain("error");
        screenshot("synthetic-2000");
    }

    @Test
    @Order(10)
    void communitiesPanelColoursTheCanvasAndAskAnswersGlobalQuestions() {
        js("window.engram.canvas.clear()");
        js("window.engram.openTab('communities')");
        wait.until(d -> !d.findElements(By.cssSelector("#communities-list .community button")).isEmpty());
        assertThat(driver.findElement(By.id("communities-count")).getText()).contains("level 0");
        driver.findElement(By.cssSelector("#communities-list .community button")).click();
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("community-title")));
        assertThat(title.getText()).isNotBlank();
        assertThat(driver.findElement(By.id("community-summary")).getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#community-entities .chip"))).isNotEmpty();
        driver.findElement(By.id("community-show")).click();
        wait.until(d -> ((Number) js("return window.engram.canvas.instance().nodes('[communityColour]').length")).intValue() > 0);
        assertThat(driver.findElement(By.id("communities-colour")).getDomAttribute("aria-pressed")).isEqualTo("true");
        screenshot("communities");

        driver.findElement(By.id("tab-ask")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("ask-mode"))).selectByValue("global");
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-question")));
        question.clear();
        question.sendKeys("What are the main topics of this collection?", Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector("#ask-themes .theme")).isEmpty());
        String themes = driver.findElement(By.id("ask-themes")).getText();
        assertThat(themes).contains("entities").contains("[");
        screenshot("ask-global");
    }

    // ---- helpers ----

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @SuppressWarnings("unchecked")
    private List<String> nodeLabels(String selector) {
        return (List<String>) js("return window.engram.nodes(arguments[0]).map(n => n.label)".replace("arguments[0]",
                json.valueToTree(selector).toString()));
    }

    private void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    private void chooseSuggestion(By input, String name) {
        WebElement field = driver.findElement(input);
        field.clear();
        field.sendKeys(name);
        String list = field.getDomAttribute("aria-controls");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[@id='" + list + "']/li[contains(@class,'suggestion')][span[1][text()=" + xpathLiteral(name) + "]]"))).click();
        wait.until(d -> d.findElement(By.id(list)).getDomProperty("hidden").equals("true"));
    }

    private static String xpathLiteral(String s) {
        return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
    }

    private void screenshot(String name) {
        try {
            Path target = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void ingestDemoCorpus() throws Exception {
        long started = System.nanoTime();
        String corpus;
        try (InputStream in = getClass().getResourceAsStream("/demo/movies.jsonl")) {
            corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String boundary = "engram-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"movies.jsonl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + corpus + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String job = json.readTree(r.body()).get("id").asText();
        for (int i = 0; i < 1200; i++) {
            JsonNode status = json.readTree(http.send(HttpRequest.newBuilder(uri("/api/jobs/" + job)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = status.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                assertThat(state).as(status.toString()).isEqualTo("SUCCEEDED");
                System.out.printf("demo corpus ingested in %.1f s%n", (System.nanoTime() - started) / 1e9);
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demo corpus did not finish ingesting");
    }

    private JsonNode post(String path, Object body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
