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
 * written as JSON straight from the core's nodes ({@link OutlineJson}, bytes straight into the
 * message by {@link ChunkedMessageConsumer}); read as a list, each item is converted to LSP4J's
 * {@link DocumentSymbol} when asked for.
 *
 * <p>Why: the outline of a 10,000-entry logbook is 32,000 symbols. Converting them into LSP4J
 * objects first (a symbol, two ranges, four positions and a list each) made 8 MB of objects per
 * answer that were only read once, to be written; the JSON is the same either way
 * ({@code HandWrittenJsonTest}).
 */
final class Outline extends AbstractList<Either<SymbolInformation, DocumentSymbol>> {
    /** Core symbols or outline nodes ({@link DocumentSymbols.Node}). */
    private final List<?> roots;
    private final LineIndex lines;
    private final Convert.Encoding encoding;
    private final OutlineJson.Cache cache;
    private OutlineJson.Prepared prepared;
    private boolean preparedHtmlSafe;

    /** The outline of a document's nodes, its entries' JSON kept in {@code cache} from one answer to the next. */
    static Outline of(List<DocumentSymbols.Node> nodes, LineIndex lines, Convert.Encoding encoding, OutlineJson.Cache cache) {
        return new Outline(nodes, lines, encoding, cache);
    }

    Outline(List<DocumentSymbols.Symbol> symbols, LineIndex lines, Convert.Encoding encoding) {
        this(symbols, lines, encoding, null);
    }

    private Outline(List<?> roots, LineIndex lines, Convert.Encoding encoding, OutlineJson.Cache cache) {
        this.roots = List.copyOf(roots);
        this.lines = lines;
        this.encoding = encoding;
        this.cache = cache;
    }

    /** The JSON of this outline, escaped as a Gson that is {@code htmlSafe} escapes; made once. */
    synchronized OutlineJson.Prepared json(boolean htmlSafe) {
        if (prepared == null || preparedHtmlSafe != htmlSafe) {
            prepared = OutlineJson.prepare(roots, lines, encoding, htmlSafe, cache);
            preparedHtmlSafe = htmlSafe;
        }
        return prepared;
    }

    @Override
    public Either<SymbolInformation, DocumentSymbol> get(int index) {
        Object root = roots.get(index);
        DocumentSymbols.Symbol symbol = root instanceof DocumentSymbols.Node node ? DocumentSymbols.symbol(node) : (DocumentSymbols.Symbol) root;
        return Either.forRight(Convert.symbol(lines, symbol, encoding));
    }

    @Override
    public int size() {
        return roots.size();
    }
}
