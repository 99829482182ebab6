package dev.engram.app.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load generator for {@code POST /api/query} of a running {@code engram serve}: N clients each send
 * a question, wait for the answer, and send the next (questions cycled from a JSONL file), for a fixed time or
 * request budget. Prints errors, throughput and p50/p90/p99 latency.
 *
 * <p>Not a unit test (no {@code @Test}; surefire finds nothing to run here). JDK only, so it runs straight from
 * source: {@code java app/src/test/java/dev/engram/app/load/QueryLoadTest.java --help}. See bench/load/README.md.
 *
 * <p>Safety: only loopback URLs are accepted; duration, clients and request count are capped; every request has
 * a timeout; the run stops by itself.
 */
public final class QueryLoadTest {

    static final int MAX_CLIENTS = 256;
    static final int MAX_DURATION_SECONDS = 1_800;
    static final long MAX_REQUESTS = 10_000_000;

    private QueryLoadTest() {}

    record Options(URI url, Path questions, String mode, int topK, int clients, int durationSeconds,
                   int warmupSeconds, long maxRequests, int timeoutSeconds, String apiKey) {}

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("query-load: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (o == null) {
            System.out.println(usage());
            return;
        }
        List<String> questions = readQuestions(o.questions());
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions in " + o.questions());
        }
        System.out.printf(Locale.ROOT, "query-load: %s mode=%s topK=%d clients=%d duration=%ds warmup=%ds "
                        + "maxRequests=%d questions=%d (%s)%n", o.url(), o.mode(), o.topK(), o.clients(),
                o.durationSeconds(), o.warmupSeconds(), o.maxRequests(), questions.size(), o.questions());
        Result r = run(o, questions);
        System.out.print(r.report());
        System.exit(r.requests() > 0 && r.errors() == 0 ? 0 : 1);
    }

    /** What one run measured; latencies in nanoseconds, sorted. */
    record Result(long requests, long errors, Map<String, Long> errorKinds, double seconds, long[] latencies,
                  long warmupRequests) {
        double throughput() {
            return seconds > 0 ? requests / seconds : 0;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1; // nearest-rank
            return latencies[Math.clamp(index, 0, latencies.length - 1)] / 1e6;
        }

        double meanMillis() {
            return latencies.length == 0 ? Double.NaN : Arrays.stream(latencies).average().orElse(0) / 1e6;
        }

        String report() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "requests   %d in %.1f s (after %d warm-up requests)%n", requests, seconds, warmupRequests));
            s.append(String.format(Locale.ROOT, "errors     %d%s%n", errors, errorKinds.isEmpty() ? "" : " " + errorKinds));
            s.append(String.format(Locale.ROOT, "throughput %.2f req/s (successful: %.2f req/s)%n", throughput(),
                    seconds > 0 ? latencies.length / seconds : 0));
            s.append(String.format(Locale.ROOT, "latency ms p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  mean %.1f  (successful requests: %d)%n",
                    percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100), meanMillis(),
                    latencies.length));
            return s.toString();
        }
    }

    static Result run(Options o, List<String> questions) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        long start = System.nanoTime();
        long measureFrom = start + o.warmupSeconds() * 1_000_000_000L;
        long deadline = measureFrom + o.durationSeconds() * 1_000_000_000L;
        AtomicLong budget = new AtomicLong(o.maxRequests());
        AtomicLong nextQuestion = new AtomicLong();
        LongAdder warmup = new LongAdder();
        // requests started before the deadline run to completion; the measured window ends with the last of them
        AtomicLong lastCompletion = new AtomicLong(measureFrom);
        LongAdder requests = new LongAdder();
        LongAdder errors = new LongAdder();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[o.clients()];
        CountDownLatch done = new CountDownLatch(o.clients());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < o.clients(); c++) {
            long[][] samples = {new long[1024]};
            perClient.add(null);
            int client = c;
            Thread t = Thread.ofPlatform().name("query-load-" + c).daemon(true).unstarted(() -> {
                try {
                    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                        String question = questions.get((int) (nextQuestion.getAndIncrement() % questions.size()));
                        HttpRequest.Builder builder = HttpRequest.newBuilder(o.url())
                                .timeout(Duration.ofSeconds(o.timeoutSeconds()))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body(question, o.mode(), o.topK())));
                        if (o.apiKey() != null) {
                            builder.header("Authorization", "Bearer " + o.apiKey());
                        }
                        HttpRequest request = builder.build();
                        long t0 = System.nanoTime();
                        String failure = null;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                failure = "HTTP " + response.statusCode();
                            } else if (!response.body().contains("\"passages\"")) {
                                failure = "no passages field";
                            }
                        } catch (IOException e) {
                            failure = e.getClass().getSimpleName();
                        }
                        long t1 = System.nanoTime();
                        if (t0 < measureFrom) {
                            warmup.increment();
                            continue;
                        }
                        lastCompletion.accumulateAndGet(t1, Math::max);
                        requests.increment();
                        if (failure != null) {
                            errors.increment();
                            errorKinds.computeIfAbsent(failure, k -> new LongAdder()).increment();
                        } else {
                            if (counts[client] == samples[0].length) {
                                samples[0] = Arrays.copyOf(samples[0], samples[0].length * 2);
                            }
                            samples[0][counts[client]++] = t1 - t0;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    synchronized (perClient) {
                        perClient.set(client, Arrays.copyOf(samples[0], counts[client]));
                    }
                    done.countDown();
                }
            });
            threads.add(t);
        }
        threads.forEach(Thread::start);
        // every request has a timeout, so the clients end by deadline + timeout; wait a little longer, then give up
        long waitMillis = (o.warmupSeconds() + o.durationSeconds() + o.timeoutSeconds() + 10) * 1000L;
        boolean finished = done.await(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        long end = finished ? lastCompletion.get() : System.nanoTime();
        if (!finished) {
            threads.forEach(Thread::interrupt);
            System.err.println("query-load: some clients did not finish in time; reporting what completed");
        }
        long[] all;
        synchronized (perClient) {
            all = perClient.stream().filter(a -> a != null).flatMapToLong(Arrays::stream).sorted().toArray();
        }
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((k, v) -> kinds.put(k, v.sum()));
        http.close();
        return new Result(requests.sum(), errors.sum(), kinds, (end - measureFrom) / 1e9, all, warmup.sum());
    }

    static String body(String question, String mode, int topK) {
        return "{\"question\":" + jsonString(question) + ",\"mode\":" + jsonString(mode) + ",\"topK\":" + topK + "}";
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static final Pattern QUESTION = Pattern.compile("\"question\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The "question" field of each JSONL line (a minimal reader: the files are flat objects of strings). */
    static List<String> readQuestions(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = QUESTION.matcher(line);
            if (m.find()) {
                out.add(unescape(m.group(1)));
            }
        }
        return out;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n); // \" \\ \/
            }
        }
        return b.toString();
    }

    static Options parse(String[] args) throws IOException {
        String url = "http://127.0.0.1:8080/api/query";
        String questions = "../shared/data/2wiki/questions-101.jsonl";
        String mode = "graphrag";
        int topK = 5;
        int clients = 32;
        int duration = 60;
        int warmup = 5;
        long maxRequests = 1_000_000;
        int timeout = 60;
        String apiKey = System.getenv("ENGRAM_API_KEY");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                return null;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--url" -> url = v;
                case "--questions" -> questions = v;
                case "--mode" -> mode = v;
                case "--top-k" -> topK = Integer.parseInt(v);
                case "--clients" -> clients = Integer.parseInt(v);
                case "--duration" -> duration = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--max-requests" -> maxRequests = Long.parseLong(v);
                case "--timeout" -> timeout = Integer.parseInt(v);
                case "--api-key" -> apiKey = v;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("--clients must be 1.." + MAX_CLIENTS);
        }
        if (duration < 1 || duration > MAX_DURATION_SECONDS || warmup < 0 || warmup > 300) {
            throw new IllegalArgumentException("--duration must be 1.." + MAX_DURATION_SECONDS + " s, --warmup 0..300 s");
        }
        if (maxRequests < 1 || maxRequests > MAX_REQUESTS) {
            throw new IllegalArgumentException("--max-requests must be 1.." + MAX_REQUESTS);
        }
        if (timeout < 1 || timeout > 600 || topK < 1) {
            throw new IllegalArgumentException("--timeout must be 1..600 s and --top-k at least 1");
        }
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http:// URL, got " + url);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        if (!isLoopback(host)) {
            throw new IllegalArgumentException("refusing target host '" + host + "': this tool only loads a server on"
                    + " this machine (localhost, 127.0.0.0/8 or ::1)");
        }
        Path q = Path.of(questions);
        if (!Files.isRegularFile(q)) {
            throw new IllegalArgumentException("questions file not found: " + q.toAbsolutePath());
        }
        return new Options(uri, q, mode, topK, clients, duration, warmup, maxRequests, timeout,
                apiKey == null || apiKey.isBlank() ? null : apiKey);
    }

    /** localhost or a loopback IP literal; names are never resolved, so nothing leaves the machine. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !host.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress(); // an IP literal: parsed, not looked up
        } catch (IOException e) {
            return false;
        }
    }

    static String usage() {
        return """
                usage: java app/src/test/java/dev/engram/app/load/QueryLoadTest.java [options]
                  --url <url>            POST /api/query endpoint, loopback only (default http://127.0.0.1:8080/api/query)
                  --questions <jsonl>    lines with a "question" field, cycled (default ../shared/data/2wiki/questions-101.jsonl)
                  --mode <mode>          dense|bm25|hybrid|ppr|graphrag (default graphrag)
                  --top-k <n>            passages per answer (default 5)
                  --clients <n>          concurrent closed-loop clients, 1..256 (default 32)
                  --duration <s>         measured seconds, 1..1800 (default 60)
                  --warmup <s>           unmeasured seconds before that, 0..300 (default 5)
                  --max-requests <n>     stop after this many requests in all (default 1000000)
                  --timeout <s>          per-request timeout (default 60)
                  --api-key <key>        sent as Authorization: Bearer (default env ENGRAM_API_KEY)
                exit status 0 when every measured request succeeded, 1 otherwise, 2 on bad options""";
    }
}
