package org.logbookls.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.logbookls.syntax.Block;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
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
 * Date recognition on every heading of the W1 logbook plus every heading of the real logbooks in
 * ../shared/logbooks/ (their many date forms), per heading: the scan the model runs on each title.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseSerialGC"})
public class DateRecognitionBenchmark {
    private final List<String> titles = new ArrayList<>();

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of(System.getProperty("logbook.bench.w1", "target/bench/w1.md")));
        Path shared = Path.of(System.getProperty("logbook.sharedLogbooks", "../../shared/logbooks"));
        if (Files.isDirectory(shared)) {
            try (var walk = Files.walk(shared)) {
                walk.filter(path -> path.toString().endsWith(".md")).forEach(files::add);
            }
        }
        for (Path file : files) {
            SyntaxTree tree = MarkdownParser.parse(Files.readString(file, StandardCharsets.UTF_8));
            for (Block block : tree.blocks()) {
                if (block.kind().isHeading()) {
                    titles.add(tree.maskedText().substring(block.content().start(), block.content().end()));
                }
            }
        }
    }

    /** Recognises the dates of every title once; the score divided by the title count is the time per heading. */
    @Benchmark
    public int recogniseEveryTitle() {
        int found = 0;
        for (String title : titles) {
            found += DateRecognizer.scan(title, 0, title.length(), true).size();
        }
        return found;
    }

    public int titles() {
        return titles.size();
    }
}
