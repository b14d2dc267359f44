package org.logbookls.lsp;

import java.util.AbstractList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.logbookls.analysis.symbols.DocumentSymbols;
import org.logbookls.text.LineIndex;

/**
 * A document-symbol answer: the core's outline with what converts it. Sent to the client it is
 * written as JSON straight from the core's symbols ({@link HandWrittenJson}); read as a list, each
 * item is converted to LSP4J's {@link DocumentSymbol} when asked for.
 *
 * <p>Why: the outline of a 10,000-entry logbook is 32,000 symbols. Converting them into LSP4J
 * objects first (a symbol, two ranges, four positions and a list each) made 8 MB of objects per
 * answer that were only read once, to be written; the JSON is the same either way
 * ({@code HandWrittenJsonTest}).
 */
final class Outline extends AbstractList<Either<SymbolInformation, DocumentSymbol>> {
    private final List<DocumentSymbols.Symbol> symbols;
    private final LineIndex lines;
    private final Convert.Encoding encoding;

    Outline(List<DocumentSymbols.Symbol> symbols, LineIndex lines, Convert.Encoding encoding) {
        this.symbols = List.copyOf(symbols);
        this.lines = lines;
        this.encoding = encoding;
    }

    List<DocumentSymbols.Symbol> symbols() {
        return symbols;
    }

    LineIndex lines() {
        return lines;
    }

    Convert.Encoding encoding() {
        return encoding;
    }

    @Override
    public Either<SymbolInformation, DocumentSymbol> get(int index) {
        return Either.forRight(Convert.symbol(lines, symbols.get(index), encoding));
    }

    @Override
    public int size() {
        return symbols.size();
    }
}
