package org.logbookls.lsp;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Writes the objects large answers are made of (outlines, straight from the core's symbols: see
 * {@link OutlineJson}; diagnostics, folding ranges, code lenses, document links, ranges, positions)
 * as JSON by hand instead of through Gson's reflection.
 *
 * <p>Why: the outline of a 10,000-entry logbook has ~40,000 symbols, each with two ranges of two
 * positions; reflective writing (an adapter lookup per field, every field name escaped again) was a
 * third of the server's time on such a document. An editor asks again for the folding ranges, code
 * lenses and links of a whole document after each pause in typing: for a 10,000-entry logbook
 * (26,000, 10,000 and 3,000 of them) Gson's writing was most of the folding ranges' 16 ms and a
 * third of the others'. Reading is left to Gson's own adapters, which also
 * validate what clients send. The output is the JSON Gson wrote, byte for byte
 * ({@code HandWrittenJsonTest}): fields in declaration order, nulls left out, strings escaped the
 * way Gson escapes them.
 */
final class HandWrittenJson implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<?> raw = type.getRawType();
        boolean htmlSafe = gson.htmlSafe();
        if (raw == Outline.class) {
            @SuppressWarnings("unchecked")
            TypeAdapter<T> outline = (TypeAdapter<T>) new TypeAdapter<Outline>() {
                @Override
                public void write(JsonWriter out, Outline value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                        return;
                    }
                    // Sent as an answer it is written as bytes by ChunkedMessageConsumer; this is for anything else.
                    out.jsonValue(value.json(htmlSafe).text());
                }

                @Override
                public Outline read(JsonReader in) {
                    throw new UnsupportedOperationException("An outline is an answer of this server's, never read.");
                }
            };
            return outline;
        }
        if (raw != Range.class && raw != Position.class && raw != Diagnostic.class && raw != FoldingRange.class
                && raw != CodeLens.class && raw != DocumentLink.class) {
            return null;
        }
        TypeAdapter<T> reader = gson.getDelegateAdapter(this, type);
        return new TypeAdapter<T>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                if (value == null) {
                    out.nullValue();
                    return;
                }
                StringBuilder json = buffer();
                boolean written;
                if (value instanceof Range range) {
                    written = range(json, range);
                } else if (value instanceof Position position) {
                    written = position(json, position);
                } else if (value instanceof Diagnostic diagnostic) {
                    written = diagnostic(json, diagnostic, htmlSafe);
                } else if (value instanceof FoldingRange folding) {
                    written = folding(json, folding, htmlSafe);
                } else if (value instanceof CodeLens lens) {
                    written = lens(json, lens, htmlSafe);
                } else {
                    written = link(json, (DocumentLink) value, htmlSafe);
                }
                if (written) {
                    out.jsonValue(json.toString());
                } else {
                    // Fields this server never sets (a diagnostic's code description, any "data"): Gson writes them as it always did.
                    reader.write(out, value);
                }
            }

            @Override
            public T read(JsonReader in) throws IOException {
                return reader.read(in);
            }
        };
    }

    /**
     * One builder per thread, emptied for each value: an answer writes up to 80,000 diagnostics, and
     * growing a new builder for each was a tenth of the time to write them. Values are written one after another, never inside each other. A builder
     * grown by an unusually large value is let go rather than kept.
     */
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(4096));
    private static final int KEPT_CAPACITY = 64 * 1024;

    private static StringBuilder buffer() {
        StringBuilder json = BUFFER.get();
        if (json.capacity() > KEPT_CAPACITY) {
            json = new StringBuilder(4096);
            BUFFER.set(json);
        }
        json.setLength(0);
        return json;
    }

    /** False, with nothing written, for a diagnostic with fields this server never sets. */
    private static boolean diagnostic(StringBuilder json, Diagnostic diagnostic, boolean htmlSafe) {
        if (diagnostic.getCodeDescription() != null || diagnostic.getData() != null) {
            return false;
        }
        Fields fields = new Fields(json);
        if (diagnostic.getRange() != null) {
            range(fields.name("range"), diagnostic.getRange());
        }
        if (diagnostic.getSeverity() != null) {
            fields.name("severity").append(diagnostic.getSeverity().getValue());
        }
        if (diagnostic.getCode() != null) {
            Either<String, Integer> code = diagnostic.getCode();
            if (code.isLeft()) {
                string(fields.name("code"), code.getLeft(), htmlSafe);
            } else {
                fields.name("code").append(code.getRight());
            }
        }
        fields.string("source", diagnostic.getSource(), htmlSafe);
        fields.string("message", diagnostic.getMessage(), htmlSafe);
        if (diagnostic.getTags() != null) {
            numbers(fields.name("tags"), diagnostic.getTags(), DiagnosticTag::getValue);
        }
        if (diagnostic.getRelatedInformation() != null) {
            list(fields.name("relatedInformation"), diagnostic.getRelatedInformation(), (out, related) -> related(out, related, htmlSafe));
        }
        json.append('}');
        return true;
    }

    /** A folding range; fields in LSP4J's declaration order, as Gson writes them. */
    private static boolean folding(StringBuilder json, FoldingRange folding, boolean htmlSafe) {
        Fields fields = new Fields(json);
        fields.name("startLine").append(folding.getStartLine());
        fields.name("endLine").append(folding.getEndLine());
        fields.number("startCharacter", folding.getStartCharacter());
        fields.number("endCharacter", folding.getEndCharacter());
        fields.string("kind", folding.getKind(), htmlSafe);
        fields.string("collapsedText", folding.getCollapsedText(), htmlSafe);
        json.append('}');
        return true;
    }

    /**
     * A code lens and its command. False, with nothing written, when it carries "data" or a command
     * argument other than a string, a position or a range (this server sends no others).
     */
    private static boolean lens(StringBuilder json, CodeLens lens, boolean htmlSafe) {
        Command command = lens.getCommand();
        if (lens.getData() != null || command != null && command.getArguments() != null
                && !command.getArguments().stream().allMatch(HandWrittenJson::plainArgument)) {
            return false;
        }
        Fields fields = new Fields(json);
        if (lens.getRange() != null) {
            range(fields.name("range"), lens.getRange());
        }
        if (command != null) {
            Fields commandFields = new Fields(fields.name("command"));
            commandFields.string("title", command.getTitle(), htmlSafe);
            commandFields.string("command", command.getCommand(), htmlSafe);
            if (command.getArguments() != null) {
                list(commandFields.name("arguments"), command.getArguments(), (out, argument) -> argument(out, argument, htmlSafe));
            }
            json.append('}');
        }
        json.append('}');
        return true;
    }

    private static boolean plainArgument(Object argument) {
        return argument == null || argument instanceof String || argument instanceof Position || argument instanceof Range;
    }

    private static void argument(StringBuilder json, Object argument, boolean htmlSafe) {
        if (argument instanceof String text) {
            string(json, text, htmlSafe);
        } else if (argument instanceof Position position) {
            position(json, position);
        } else {
            range(json, (Range) argument);
        }
    }

    /** A document link. False, with nothing written, when it carries "data" (this server sets none). */
    private static boolean link(StringBuilder json, DocumentLink link, boolean htmlSafe) {
        if (link.getData() != null) {
            return false;
        }
        Fields fields = new Fields(json);
        if (link.getRange() != null) {
            range(fields.name("range"), link.getRange());
        }
        fields.string("target", link.getTarget(), htmlSafe);
        fields.string("tooltip", link.getTooltip(), htmlSafe);
        json.append('}');
        return true;
    }

    private static void related(StringBuilder json, DiagnosticRelatedInformation related, boolean htmlSafe) {
        Fields fields = new Fields(json);
        Location location = related.getLocation();
        if (location != null) {
            Fields locationFields = new Fields(fields.name("location"));
            locationFields.string("uri", location.getUri(), htmlSafe);
            if (location.getRange() != null) {
                range(locationFields.name("range"), location.getRange());
            }
            json.append('}');
        }
        fields.string("message", related.getMessage(), htmlSafe);
        json.append('}');
    }

    /** A list of enum values written as their protocol numbers (tags), as Gson's enum adapters write them. */
    private static <E> void numbers(StringBuilder json, List<E> values, ToIntFunction<E> number) {
        list(json, values, (out, value) -> out.append(number.applyAsInt(value)));
    }

    /** A JSON array of {@code values}, each written by {@code element}; a null element is written as null, as Gson does. */
    private static <E> void list(StringBuilder json, List<E> values, BiConsumer<StringBuilder, E> element) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            E value = values.get(i);
            if (value == null) {
                json.append("null");
            } else {
                element.accept(json, value);
            }
        }
        json.append(']');
    }

    private static boolean range(StringBuilder json, Range range) {
        Fields fields = new Fields(json);
        if (range.getStart() != null) {
            position(fields.name("start"), range.getStart());
        }
        if (range.getEnd() != null) {
            position(fields.name("end"), range.getEnd());
        }
        json.append('}');
        return true;
    }

    private static boolean position(StringBuilder json, Position position) {
        json.append("{\"line\":").append(position.getLine()).append(",\"character\":").append(position.getCharacter()).append('}');
        return true;
    }

    /** Opens an object and separates its fields. */
    private static final class Fields {
        private final StringBuilder json;
        private boolean first = true;

        Fields(StringBuilder json) {
            this.json = json;
            json.append('{');
        }

        StringBuilder name(String name) {
            json.append(first ? "\"" : ",\"").append(name).append("\":");
            first = false;
            return json;
        }

        /** A string field, left out when {@code value} is null (as Gson leaves out nulls). */
        void string(String name, String value, boolean htmlSafe) {
            if (value != null) {
                HandWrittenJson.string(name(name), value, htmlSafe);
            }
        }

        /** A number field, left out when {@code value} is null. */
        void number(String name, Integer value) {
            if (value != null) {
                name(name).append(value.intValue());
            }
        }
    }

    /**
     * A JSON string, escaped as Gson's JsonWriter escapes it (HTML-safe if the Gson instance is).
     * Runs of characters that need no escape are copied whole: most of a message is such a run, and
     * appending it character by character was the largest part of writing 80,000 diagnostics.
     */
    static void string(StringBuilder json, String value, boolean htmlSafe) {
        json.append('"');
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!needsEscape(c, htmlSafe)) {
                continue;
            }
            json.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\f' -> json.append("\\f");
                default -> unicode(json, c);
            }
        }
        json.append(value, run, value.length());
        json.append('"');
    }

    private static boolean needsEscape(char c, boolean htmlSafe) {
        return switch (c) {
            case '"', '\\', '\u2028', '\u2029' -> true;
            case '<', '>', '&', '=', '\'' -> htmlSafe;
            default -> c < 0x20;
        };
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void unicode(StringBuilder json, char c) {
        json.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }
}
