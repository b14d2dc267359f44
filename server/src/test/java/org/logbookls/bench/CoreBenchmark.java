package org.logbookls.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.logbookls.config.Settings;
import org.logbookls.model.Logbook;
import org.logbookls.model.LogbookBuilder;
import org.logbookls.model.ModelOptions;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentFacts;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Microbenchmarks of the core on the W1 logbook (docs/benchmarks.md): a full parse, a full model
 * build, one edit re-analysed incrementally (reparse and model), and the workspace index built
 * from many documents' facts. Date recognition is measured by {@code model.DateRecognitionBenchmark}. {@code bench/run.mjs --jmh} generates W1 and passes its path as
 * {@code -Dlogbook.bench.w1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseSerialGC"})
public class CoreBenchmark {
    private static final Settings SETTINGS = Settings.DEFAULT;
    private String text;
    private SyntaxTree tree;
    private ModelOptions options;
    private DocumentSnapshot analysed;
    private Map<String, DocumentFacts> facts;
    private int edit;

    @Setup(Level.Trial)
    public void load() throws IOException {
        text = Files.readString(Path.of(System.getProperty("logbook.bench.w1", "target/bench/w1.md")), StandardCharsets.UTF_8);
        tree = MarkdownParser.parse(text);
        analysed = new DocumentSnapshot("file:///bench/w1.md", "bench/w1.md", 1, text);
        Logbook logbook = analysed.logbook(SETTINGS);
        options = new ModelOptions("bench/w1.md", java.util.Optional.empty(), SETTINGS.sectionFamilies(), SETTINGS.requiredSections(),
                java.util.Optional.empty(), SETTINGS.todayOrClock(), java.util.Optional.empty());
        // The index of 50 documents, each with the facts of the W1 logbook under its own URI.
        facts = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            String uri = "file:///bench/" + i + ".md";
            facts.put(uri, DocumentFacts.of(uri, logbook));
        }
    }

    @Benchmark
    public SyntaxTree parseWhole() {
        return MarkdownParser.parse(text);
    }

    @Benchmark
    public Logbook buildModelWhole() {
        return LogbookBuilder.build(tree, options);
    }

    /** One character typed somewhere in the middle, then the tree and the model of the new version. */
    @Benchmark
    public Logbook editIncrementally() {
        int at = text.length() / 3 + (edit++ % 997) * 101;
        String next = text.substring(0, at) + "x" + text.substring(at);
        DocumentSnapshot edited = analysed.withEdit(2, next, new TextChange(TextRange.empty(at), 1));
        return edited.logbook(SETTINGS);
    }

    @Benchmark
    public WorkspaceIndex buildIndex() {
        return WorkspaceIndex.build(facts);
    }
}
