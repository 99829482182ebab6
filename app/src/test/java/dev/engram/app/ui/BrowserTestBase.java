package dev.engram.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.app.server.ServerTestBase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

/**
 * What a browser test of the explorer shares: real headless Chromium at 1280×800 against the running test server,
 * a check after every step that the page logged no errors, screenshots, the label-legibility check, and HTTP
 * helpers that upload through the API and read the graph with Cypher (sending {@link #httpKey()} when set).
 */
abstract class BrowserTestBase extends ServerTestBase {
    static final String CHROMIUM = System.getProperty("engram.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("engram.chromedriver", "/usr/bin/chromedriver");

    protected WebDriver driver;
    protected WebDriverWait wait;
    private Path profile;
    private int shot;

    /** Where this class's screenshots go (emptied of old ones when the browser starts). */
    protected abstract Path screenshots();

    /** The API key the HTTP helpers send, or null when the server has none. */
    protected String httpKey() {
        return null;
    }

    /** Starts Chromium; {@code beforeLoad} runs on a page of the server's origin before the explorer is opened. */
    protected void openBrowser(String beforeLoad) throws IOException {
        assertThat(Path.of(CHROMIUM)).as("the browser tests need Debian's chromium and chromium-driver: "
                + "apt-get install -y chromium chromium-driver (.ci/run does this)").exists();
        assertThat(Path.of(CHROMEDRIVER)).exists();
        Files.createDirectories(screenshots());
        try (var old = Files.list(screenshots())) {
            for (Path p : old.filter(Files::isRegularFile).toList()) {
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
        if (beforeLoad != null) {
            driver.get("http://localhost:" + port + "/css/explorer.css");
            js(beforeLoad);
        }
        driver.get("http://localhost:" + port + "/");
        awaitReady();
    }

    /** Waits until the explorer has drawn its first screen. */
    protected void awaitReady() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @AfterAll
    void quitBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
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

    /** Labels drawn are at least 10 px and none overlaps another; at least {@code min} are drawn. */
    @SuppressWarnings("unchecked")
    protected void assertReadableLabels(int min) {
        sleep(600); // the explorer re-places labels 60 ms after the view settles
        List<Map<String, Object>> labels = (List<Map<String, Object>>) js("return window.engram.labels()");
        assertThat(labels.size()).as("labels drawn").isGreaterThanOrEqualTo(min);
        for (Map<String, Object> l : labels) {
            assertThat(((Number) l.get("px")).doubleValue()).as("rendered font size of " + l.get("label")).isGreaterThanOrEqualTo(10);
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                Map<String, Object> a = (Map<String, Object>) labels.get(i).get("box");
                Map<String, Object> b = (Map<String, Object>) labels.get(j).get("box");
                boolean overlap = num(a, "x1") + 1 < num(b, "x2") && num(b, "x1") + 1 < num(a, "x2")
                        && num(a, "y1") + 1 < num(b, "y2") && num(b, "y1") + 1 < num(a, "y2");
                assertThat(overlap).as(labels.get(i).get("label") + " overlaps " + labels.get(j).get("label")).isFalse();
            }
        }
    }

    private static double num(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The labels of the canvas nodes matching a Cytoscape selector. */
    @SuppressWarnings("unchecked")
    protected List<String> nodeLabels(String selector) {
        return (List<String>) js("return window.engram.nodes(arguments[0]).map(n => n.label)".replace("arguments[0]",
                json.valueToTree(selector).toString()));
    }

    protected void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Runs {@code cypher} in the explorer's Cypher console and waits until its summary says {@code summary}. */
    protected void runCypher(String cypher, String summary) {
        js("window.engram.openTab('cypher')");
        WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cypher-query")));
        query.clear();
        query.sendKeys(cypher);
        query.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.ENTER));
        waitForText(By.id("cypher-summary"), summary);
    }

    /** Types {@code name} into a search field and picks the suggestion of exactly that name. */
    protected void chooseSuggestion(By input, String name) {
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

    protected void screenshot(String name) {
        try {
            Path target = screenshots().resolve(String.format("%02d-%s.png", ++shot, name));
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Uploads one file through the API and waits until its ingest job succeeded. */
    protected void upload(String filename, String content) throws Exception {
        String boundary = "engram-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(request("/api/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String job = json.readTree(r.body()).get("id").asText();
        for (int i = 0; i < 1200; i++) {
            JsonNode status = json.readTree(http.send(request("/api/jobs/" + job).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = status.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                assertThat(state).as(status.toString()).isEqualTo("SUCCEEDED");
                assertThat(status.get("written").asLong()).as(status.toString()).isPositive();
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(filename + " did not finish ingesting");
    }

    /** A JSON POST that must answer 200, e.g. a read of the graph through {@code /api/cypher}. */
    protected JsonNode post(String path, Object body) throws Exception {
        HttpResponse<String> r = http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return httpKey() == null ? b : b.header("X-API-Key", httpKey());
    }
}
