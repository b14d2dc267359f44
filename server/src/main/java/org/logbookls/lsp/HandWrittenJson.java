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
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Writes the objects large answers are made of (outlines, straight from the core's symbols: see
 * {@link OutlineJson}; diagnostics, ranges, positions) as JSON by hand instead of through Gson's reflection.
 *
 * <p>Why: the outline of a 10,000-entry logbook has ~40,000 symbols, each with two ranges of two
 * positions; reflective writing (an adapter lookup per field, every field name escaped again) was a
 * third of the server's time on such a document. Reading is left to Gson's own adapters, which also
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
        if (raw != Range.class && raw != Position.class && raw != Diagnostic.class) {
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
                if (value instanceof Diagnostic diagnostic && (diagnostic.getCodeDescription() != null || diagnostic.getData() != null)) {
                    // Fields this server never sets: Gson writes them as it always did.
                    reader.write(out, value);
                    return;
                }
                StringBuilder json = buffer();
                if (value instanceof Range range) {
                    range(json, range);
                } else if (value instanceof Position position) {
                    position(json, position);
                } else {
                    diagnostic(json, (Diagnostic) value, htmlSafe);
                }
                out.jsonValue(json.toString());
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

    private static void diagnostic(StringBuilder json, Diagnostic diagnostic, boolean htmlSafe) {
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
        if (diagnostic.getSource() != null) {
            string(fields.name("source"), diagnostic.getSource(), htmlSafe);
        }
        if (diagnostic.getMessage() != null) {
            string(fields.name("message"), diagnostic.getMessage(), htmlSafe);
        }
        if (diagnostic.getTags() != null) {
            numbers(fields.name("tags"), diagnostic.getTags(), DiagnosticTag::getValue);
        }
        if (diagnostic.getRelatedInformation() != null) {
            list(fields.name("relatedInformation"), diagnostic.getRelatedInformation(), (out, related) -> related(out, related, htmlSafe));
        }
        json.append('}');
    }

    private static void related(StringBuilder json, DiagnosticRelatedInformation related, boolean htmlSafe) {
        Fields fields = new Fields(json);
        Location location = related.getLocation();
        if (location != null) {
            Fields locationFields = new Fields(fields.name("location"));
            if (location.getUri() != null) {
                string(locationFields.name("uri"), location.getUri(), htmlSafe);
            }
            if (location.getRange() != null) {
                range(locationFields.name("range"), location.getRange());
            }
            json.append('}');
        }
        if (related.getMessage() != null) {
            string(fields.name("message"), related.getMessage(), htmlSafe);
        }
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

    private static void range(StringBuilder json, Range range) {
        Fields fields = new Fields(json);
        if (range.getStart() != null) {
            position(fields.name("start"), range.getStart());
        }
        if (range.getEnd() != null) {
            position(fields.name("end"), range.getEnd());
        }
        json.append('}');
    }

    private static void position(StringBuilder json, Position position) {
        json.append("{\"line\":").append(position.getLine()).append(",\"character\":").append(position.getCharacter()).append('}');
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
