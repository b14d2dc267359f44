package org.logbookls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.logbookls.config.Settings;
import org.logbookls.json.ConfigFiles;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.text.LineIndex;
import org.logbookls.workspace.DocumentSnapshot;

/**
 * {@code logbook-ls outline FILE...}: how the server reads a logbook — why it is one, how it
 * writes dates, its template, and every entry with its resolved date, IDs and sections. For users
 * who want to know why a diagnostic fired, and for bug reports.
 */
public final class OutlineCommand {
    private final PrintStream out;
    private final PrintStream err;

    public OutlineCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        if (args.isEmpty() || args.contains("--help")) {
            out.println("Usage: java -jar logbook-ls.jar outline FILE...   (how the server reads each logbook)");
            return args.isEmpty() ? CheckCommand.TROUBLE : CheckCommand.OK;
        }
        ConfigFiles configs = new ConfigFiles();
        int status = CheckCommand.OK;
        for (String arg : args) {
            Path file = Path.of(arg);
            String text;
            try {
                text = CheckCommand.decode(Files.readAllBytes(file));
            } catch (IOException unreadable) {
                err.println("logbook-ls: " + file + ": cannot be read (" + unreadable.getMessage() + ").");
                status = CheckCommand.TROUBLE;
                continue;
            }
            Path folder = file.toAbsolutePath().normalize().getParent();
            Settings settings = configs.resolve(file, Path.of("").toAbsolutePath(), Settings.DEFAULT).settings();
            DocumentSnapshot document = new DocumentSnapshot(file.toUri().toString(), CheckCommand.relativePath(file, folder), 0, text);
            print(file, document.logbook(settings), document.lineIndex(), settings.todayOrClock());
        }
        return status;
    }

    private void print(Path file, Logbook logbook, LineIndex lines, LocalDate today) {
        out.println(file + ": " + (logbook.detection().logbook() ? "a logbook" : "not a logbook") + " ("
                + logbook.detection().reason().explanation() + ")");
        out.println("  numeric dates: " + (logbook.conventions().dayFirst() ? "day-first" : "month-first") + " ("
                + logbook.conventions().source().name().toLowerCase() + (logbook.conventions().mixed() ? ", mixed" : "") + ")");
        logbook.template().ifPresent(template -> out.println("  template (" + template.origin().name().toLowerCase() + ", line "
                + (lines.lineOf(template.range().start()) + 1) + "): "
                + template.sections().stream().map(s -> s.label()).collect(Collectors.joining(", "))));
        out.println("  entries: " + logbook.entries().size());
        for (Entry entry : logbook.entries()) {
            StringBuilder line = new StringBuilder("  " + (lines.lineOf(entry.heading().start()) + 1) + ": ");
            line.append("h").append(entry.level()).append(entry.pseudo() ? "*" : "").append(" group ").append(entry.group()).append(" ");
            line.append('\'').append(entry.titleText()).append('\'');
            entry.date().ifPresent(date -> line.append(" -> ").append(describe(date)));
            if (!entry.ids().isEmpty()) {
                line.append(" ids ").append(entry.ids().stream().map(IdDefinition::id).collect(Collectors.joining(",")));
            }
            if (!entry.sections().isEmpty()) {
                line.append(" | ").append(entry.sections().stream().map(OutlineCommand::section).collect(Collectors.joining("; ")));
            }
            out.println(line);
        }
    }

    private static String describe(EntryDate date) {
        if (date.problem().isPresent()) {
            return "invalid (" + date.problem().get().explanation() + ")";
        }
        String text = date.start().get().toString() + date.end().map(end -> ".." + end).orElse("");
        return text + " [year " + date.yearSource().name().toLowerCase() + "]" + date.time().map(t -> " at " + t).orElse("");
    }

    private static String section(Section section) {
        return section.label() + "(" + section.style().name().toLowerCase().charAt(0) + (section.empty() ? ", empty" : "") + ")";
    }
}
