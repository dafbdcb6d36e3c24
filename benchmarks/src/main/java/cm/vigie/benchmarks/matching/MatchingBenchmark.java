package cm.vigie.benchmarks.matching;

import cm.vigie.watch.matching.MatchDocument;
import cm.vigie.watch.matching.MatchingEngine;
import cm.vigie.watch.matching.ParseResult;
import cm.vigie.watch.matching.Query;
import cm.vigie.watch.matching.QueryParser;
import cm.vigie.watch.matching.lucene.LuceneTranslation;
import cm.vigie.watch.matching.lucene.VigieLuceneAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Documents per second matched against 100, 1,000 and 10,000 watchlist queries, one thread, by the engine and by
 * Lucene Monitor 9.11.1 (one document per {@code match} call, and in batches of {@value #BATCH}). One benchmark
 * operation is one document: each invocation matches the next {@value #BATCH} posts of the 20,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatchingBenchmark {

    static final int POSTS = 20_000;
    static final int BATCH = 100;

    static final String ENGINE = "engine";
    static final String LUCENE = "lucene-monitor";
    static final String LUCENE_BATCH = "lucene-monitor-batch";

    @Param({"100", "1000", "10000"})
    public int queries;

    @Param({ENGINE, LUCENE, LUCENE_BATCH})
    public String implementation;

    private List<MatchDocument> posts;
    private Document[] documents;
    private MatchingEngine engine;
    private Monitor monitor;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SyntheticCorpus corpus = new SyntheticCorpus();
        posts = corpus.posts(POSTS);
        Map<UUID, Query> parsed = parse(corpus.queries(queries));
        if (implementation.equals(ENGINE)) {
            engine = MatchingEngine.compile(parsed);
        } else {
            monitor = monitor(parsed);
            documents = new Document[POSTS];
            for (int i = 0; i < POSTS; i++) {
                documents[i] = LuceneTranslation.document(posts.get(i));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (monitor != null) {
            monitor.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void match(Blackhole blackhole) throws IOException {
        int from = next;
        next = (next + BATCH) % POSTS;
        switch (implementation) {
            case ENGINE -> {
                for (int i = from; i < from + BATCH; i++) {
                    blackhole.consume(engine.match(posts.get(i)));
                }
            }
            case LUCENE -> {
                for (int i = from; i < from + BATCH; i++) {
                    blackhole.consume(monitor.match(documents[i], QueryMatch.SIMPLE_MATCHER));
                }
            }
            default -> {
                Document[] batch = new Document[BATCH];
                System.arraycopy(documents, from, batch, 0, BATCH);
                blackhole.consume(monitor.match(batch, QueryMatch.SIMPLE_MATCHER));
            }
        }
    }

    static Map<UUID, Query> parse(List<String> texts) {
        Map<UUID, Query> parsed = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            ParseResult result = QueryParser.parse(texts.get(i));
            if (!result.valid()) {
                throw new IllegalStateException("generated query " + texts.get(i) + ": " + result.errors());
            }
            parsed.put(new UUID(0, i), result.query());
        }
        return parsed;
    }

    static Monitor monitor(Map<UUID, Query> parsed) throws IOException {
        Monitor monitor = new Monitor(new VigieLuceneAnalyzer());
        List<MonitorQuery> registered = new ArrayList<>(parsed.size());
        parsed.forEach((id, query) -> registered.add(new MonitorQuery(id.toString(), LuceneTranslation.query(query))));
        monitor.register(registered);
        return monitor;
    }
}
