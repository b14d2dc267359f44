package org.logbookls.model;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.config.Settings;
import org.logbookls.testing.Fixture;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.LineIndex;
import org.logbookls.workspace.DocumentSnapshot;

/**
 * Every {@code fixtures/model/NAME.md} is read into the logbook model and rendered as compact
 * text, compared with {@code NAME.expected}: one line per entry (line, level, title, resolved
 * date and where its year came from, IDs, sections), then references, tags and declarations.
 */
class ModelFixtureTest {
    private static final Path FOLDER = Fixtures.resources().resolve("fixtures/model");

    @TestFactory
    Stream<DynamicTest> model() {
        return Fixtures.each(FOLDER, ".md", file -> {
            String name = file.getFileName().toString();
            Path expected = file.resolveSibling(name.substring(0, name.length() - 3) + ".expected");
            Fixtures.assertMatches(expected, render(Fixtures.read(file)));
        });
    }

    /** The single place that reads the model for fixtures. */
    static String render(String fixtureText) {
        Fixture fixture = Fixture.parse(fixtureText);
        Settings settings = Settings.DEFAULT.withToday(fixture.today());
        StringBuilder out = new StringBuilder();
        for (var file : fixture.files().entrySet()) {
            DocumentSnapshot document = new DocumentSnapshot("file:///fixture/" + file.getKey(), file.getKey(), 1, file.getValue());
            Logbook logbook = document.logbook(settings);
            LineIndex lines = document.lineIndex();
            String text = file.getValue();
            out.append(file.getKey()).append(": ").append(logbook.detection().logbook() ? "logbook" : "not a logbook")
                    .append(" (").append(logbook.detection().reason().name().toLowerCase()).append(")\n");
            out.append("dates: ").append(logbook.conventions().dayFirst() ? "day-first" : "month-first").append(" by ")
                    .append(logbook.conventions().source().name().toLowerCase()).append(logbook.conventions().mixed() ? ", mixed" : "")
                    .append('\n');
            logbook.template().ifPresent(template -> out.append("template ").append(template.origin().name().toLowerCase()).append(": ")
                    .append(template.sections().stream().map(s -> s.label() + " (" + s.style().name().toLowerCase() + ")")
                            .collect(Collectors.joining(", "))).append('\n'));
            for (Entry entry : logbook.entries()) {
                out.append("entry L").append(lines.lineOf(entry.heading().start()) + 1).append(" h").append(entry.level())
                        .append(entry.pseudo() ? "*" : "").append(" g").append(entry.group()).append(" '").append(entry.titleText()).append('\'');
                entry.date().ifPresent(date -> {
                    out.append(" -> ");
                    if (date.problem().isPresent()) {
                        out.append("invalid ").append(date.problem().get().kind().name().toLowerCase());
                    } else {
                        out.append(date.start().get()).append(date.end().map(end -> ".." + end).orElse(""))
                                .append(" year:").append(date.yearSource().name().toLowerCase());
                    }
                    out.append(" written '").append(date.written()).append('\'');
                    date.statedWeekday().ifPresent(day -> out.append(" weekday:").append(day.name().toLowerCase()));
                    date.time().ifPresent(time -> out.append(" time:").append(time));
                    date.expectedOrdinal().ifPresent(ordinal -> out.append(" ordinal-should-be:").append(ordinal));
                    date.alternative().ifPresent(other -> out.append(" or:").append(other));
                });
                if (!entry.ids().isEmpty()) {
                    out.append(" ids:").append(entry.ids().stream().map(IdDefinition::id).collect(Collectors.joining(",")));
                }
                out.append('\n');
                for (Section section : entry.sections()) {
                    out.append("  section '").append(section.label()).append("' ").append(section.style().name().toLowerCase())
                            .append(section.empty() ? " empty" : "").append('\n');
                }
            }
            if (!logbook.references().isEmpty()) {
                out.append("references: ").append(logbook.references().stream()
                        .map(r -> r.id() + "@L" + (lines.lineOf(r.range().start()) + 1)).collect(Collectors.joining(" "))).append('\n');
            }
            if (!logbook.tags().isEmpty()) {
                out.append("tags: ").append(logbook.tags().stream().map(t -> t.range().of(text)).collect(Collectors.joining(" "))).append('\n');
            }
            for (TagDeclaration declaration : logbook.tagDeclarations()) {
                out.append("declares #").append(declaration.name()).append(": ").append(declaration.description()).append('\n');
            }
        }
        return out.toString();
    }
}
