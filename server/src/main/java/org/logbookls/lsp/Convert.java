package org.logbookls.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.logbookls.analysis.diagnostics.Diagnostic;
import org.logbookls.analysis.diagnostics.Severity;
import org.logbookls.text.LineColumn;
import org.logbookls.text.LineIndex;
import org.logbookls.text.TextRange;

/**
 * Converts between the core's UTF-16 offsets and LSP positions, in the position encoding
 * negotiated with the client. The only place where LSP positions are made or read.
 */
final class Convert {
    /** The position encodings this server speaks. */
    enum Encoding {
        UTF16("utf-16"),
        UTF8("utf-8");

        final String id;

        Encoding(String id) {
            this.id = id;
        }
    }

    private Convert() {
    }

    static int offset(LineIndex lines, Position position, Encoding encoding) {
        if (position == null) {
            return 0;
        }
        return encoding == Encoding.UTF8
                ? lines.offsetOfUtf8(position.getLine(), position.getCharacter())
                : lines.offset(position.getLine(), position.getCharacter());
    }

    static TextRange range(LineIndex lines, Range range, Encoding encoding) {
        int start = offset(lines, range.getStart(), encoding);
        int end = offset(lines, range.getEnd(), encoding);
        return TextRange.of(Math.min(start, end), Math.max(start, end));
    }

    static Position position(LineIndex lines, int offset, Encoding encoding) {
        LineColumn position = lines.position(offset);
        int column = encoding == Encoding.UTF8 ? lines.utf8Column(offset) : position.column();
        return new Position(position.line(), column);
    }

    static Range range(LineIndex lines, TextRange range, Encoding encoding) {
        return new Range(position(lines, range.start(), encoding), position(lines, range.end(), encoding));
    }

    static org.eclipse.lsp4j.Diagnostic diagnostic(String uri, LineIndex lines, Diagnostic diagnostic, Encoding encoding) {
        org.eclipse.lsp4j.Diagnostic converted = new org.eclipse.lsp4j.Diagnostic(range(lines, diagnostic.range(), encoding),
                diagnostic.message(), severity(diagnostic.severity()), "logbook");
        converted.setCode(Either.forLeft(diagnostic.code().id()));
        if (!diagnostic.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (Diagnostic.Related item : diagnostic.related()) {
                related.add(new DiagnosticRelatedInformation(new Location(uri, range(lines, item.range(), encoding)), item.message()));
            }
            converted.setRelatedInformation(related);
        }
        return converted;
    }

    static DiagnosticSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }
}
