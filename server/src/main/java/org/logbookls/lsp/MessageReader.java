package org.logbookls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Reads JSON-RPC messages framed by {@code Content-Length} headers, and survives a client that
 * frames them badly.
 *
 * <p>LSP4J's own reader loses its place for good after one bad header: every later body is read
 * as a header and the server stops answering, {@code shutdown} included. This one resynchronises:
 * a header block without a usable length is followed by a body delimited by its braces (answered
 * with {@code InvalidRequest} when it carries an id), noise before a header is skipped, and a body
 * that runs into the next message's header is cut there. Whatever cannot be parsed is answered as
 * JSON-RPC asks: {@code ParseError} for text that is not JSON, {@code InvalidRequest} for JSON
 * that is not a message, {@code InvalidParams} for parameters of the wrong shape, each with the
 * request's id when one can be found. Nothing the client sends is logged, only its size.
 */
final class MessageReader implements MessageProducer {
    /** Larger than any document an editor sends (a 5 MB logbook is ~6 MB of JSON). */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final String CONTENT_LENGTH = "content-length:";
    private static final Pattern HEADER = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,60}:[ \\t]");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(-?\\d{1,18}|\"(?:[^\"\\\\]|\\\\.){0,200}\")");

    private final Input input;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    private final ServerLog log;

    MessageReader(InputStream input, MessageJsonHandler json, MessageIssueHandler issues, ServerLog log) {
        this.input = new Input(input);
        this.json = json;
        this.issues = issues;
        this.log = log;
    }

    @Override
    public void listen(MessageConsumer consumer) throws JsonRpcException {
        try {
            while (true) {
                Headers headers = readHeaders();
                if (headers == null) {
                    return;
                }
                byte[] body = headers.contentLength >= 0 ? readBody(headers.contentLength) : readDelimitedBody();
                if (body == null) {
                    return;
                }
                String text = new String(body, headers.charset);
                if (headers.contentLength < 0) {
                    refuse(text, ResponseErrorCode.InvalidRequest, "The message had " + headers.problem
                            + "; every message needs a Content-Length header with its length in bytes.");
                    continue;
                }
                handle(text, consumer, headers.charset);
            }
        } catch (IOException closed) {
            // The client went away: the launcher's future completes and the server exits.
        }
    }

    private void handle(String text, MessageConsumer consumer, Charset charset) {
        Message message;
        try {
            message = json.parseMessage(text);
        } catch (RuntimeException | StackOverflowError unreadable) {
            int next = text.toLowerCase(Locale.ROOT).indexOf(CONTENT_LENGTH);
            if (next > 0) {
                // The Content-Length was too long: the body ran into the next message. Read that one
                // again, and treat what came before as the message it was.
                input.unread(text.substring(next).getBytes(charset));
                handle(text.substring(0, next), consumer, charset);
            } else if (unreadable instanceof MessageIssueException issue) {
                answer(issue.getRpcMessage(), issue.getIssues(), text);
            } else {
                classify(text, unreadable);
            }
            return;
        }
        consumer.consume(message);
    }

    /** LSP4J read the message but found issues; parameters of the wrong shape become InvalidParams. */
    private void answer(Message message, List<MessageIssue> found, String text) {
        if (message instanceof RequestMessage request && isJson(text)) {
            List<MessageIssue> remapped = found.stream().map(issue -> issue.getIssueCode() == ResponseErrorCode.ParseError.getValue()
                    ? new MessageIssue("Invalid params for " + request.getMethod() + ": " + issue.getText(),
                            ResponseErrorCode.InvalidParams.getValue(), issue.getCause())
                    : issue).toList();
            issues.handle(message, remapped);
            return;
        }
        issues.handle(message, found);
    }

    private void classify(String text, Throwable unreadable) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (RuntimeException | StackOverflowError notJson) {
            refuse(text, ResponseErrorCode.ParseError, "The message is not valid JSON (" + text.length() + " characters): "
                    + firstLine(notJson));
            return;
        }
        if (parsed.isJsonObject() && parsed.getAsJsonObject().has("method") && parsed.getAsJsonObject().get("method").isJsonPrimitive()
                && parsed.getAsJsonObject().get("method").getAsJsonPrimitive().isString()) {
            JsonObject object = parsed.getAsJsonObject();
            String method = object.get("method").getAsString();
            if (!object.has("id")) {
                log.warning("Ignoring a " + method + " notification whose parameters could not be read: " + firstLine(unreadable));
                return;
            }
            refuse(text, ResponseErrorCode.InvalidParams, "Invalid params for " + method + ": " + firstLine(unreadable));
            return;
        }
        refuse(text, ResponseErrorCode.InvalidRequest, "The message is JSON but not a JSON-RPC request, notification or response: "
                + firstLine(unreadable));
    }

    /** Answers with an error, under the id the text carries when one can be found (else a null id). */
    private void refuse(String text, ResponseErrorCode code, String why) {
        log.warning(why);
        RequestMessage request = new RequestMessage();
        request.setJsonrpc("2.0");
        request.setMethod("");
        Matcher id = ID.matcher(text.length() > 4096 ? text.substring(0, 4096) : text);
        if (id.find()) {
            String raw = id.group(1);
            if (raw.startsWith("\"")) {
                request.setId(raw.substring(1, raw.length() - 1));
            } else {
                try {
                    request.setId(Integer.parseInt(raw));
                } catch (NumberFormatException tooLarge) {
                    request.setId(raw);
                }
            }
        }
        issues.handle(request, List.of(new MessageIssue(why, code.getValue())));
    }

    private static boolean isJson(String text) {
        try {
            JsonParser.parseString(text);
            return true;
        } catch (RuntimeException | StackOverflowError notJson) {
            return false;
        }
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The next header block, or null at the end of the stream. Skips noise before a header. */
    private Headers readHeaders() throws IOException {
        Headers headers = null;
        long skipped = 0;
        while (true) {
            String line = readLine();
            if (line == null) {
                return null;
            }
            if (headers == null) {
                int at = line.toLowerCase(Locale.ROOT).indexOf(CONTENT_LENGTH);
                if (at < 0 && HEADER.matcher(line).lookingAt()) {
                    // Another header first ("Content-Type: …"): a header block, perhaps without a length.
                    at = 0;
                }
                if (at < 0) {
                    skipped += line.length() + 1;
                    continue;
                }
                if (at > 0 || skipped > 0) {
                    log.warning("Skipped " + (skipped + at) + " bytes that were not a message header.");
                }
                line = line.substring(at);
                headers = new Headers();
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                headers.length(value);
            } else if (name.equals("content-type")) {
                headers.contentType(value);
            }
        }
    }

    /** One header line (without CR LF), at most {@link #MAX_HEADER_LINE} characters kept; null at the end. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = input.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() < MAX_HEADER_LINE) {
                line.append((char) c);
            } else if (line.length() == MAX_HEADER_LINE) {
                // Keep the tail too, where the next header may start: a long body without line breaks.
                line.delete(0, MAX_HEADER_LINE / 2);
                line.append((char) c);
            }
        }
        return line.length() == 0 ? null : line.toString();
    }

    private byte[] readBody(int length) throws IOException {
        byte[] body = input.readNBytes(length);
        return body.length < length ? null : body;
    }

    /**
     * A body whose length the headers did not give: one JSON value delimited by its braces, read as
     * far as it goes (at most {@link #MAX_MESSAGE_BYTES}). A body that does not start with a brace is
     * left in the stream, where the next header will be looked for.
     */
    private byte[] readDelimitedBody() throws IOException {
        int first = input.read();
        while (first == '\r' || first == '\n' || first == ' ' || first == '\t') {
            first = input.read();
        }
        if (first == -1) {
            return null;
        }
        if (first != '{') {
            input.unread(new byte[] {(byte) first});
            return new byte[0];
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(first);
        int depth = 1;
        boolean inString = false;
        boolean escaped = false;
        while (depth > 0 && body.size() < MAX_MESSAGE_BYTES) {
            int c = input.read();
            if (c == -1) {
                return null;
            }
            body.write(c);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return body.toByteArray();
    }

    /** The client's stream, buffered, with bytes that were read too far put back in front. */
    private static final class Input {
        private final InputStream stream;
        private byte[] pending = new byte[0];
        private int pendingAt;

        Input(InputStream stream) {
            this.stream = new BufferedInputStream(stream);
        }

        int read() throws IOException {
            if (pendingAt < pending.length) {
                return pending[pendingAt++] & 0xff;
            }
            return stream.read();
        }

        byte[] readNBytes(int length) throws IOException {
            int fromPending = Math.min(length, pending.length - pendingAt);
            byte[] out = new byte[length];
            System.arraycopy(pending, pendingAt, out, 0, fromPending);
            pendingAt += fromPending;
            int read = fromPending + stream.readNBytes(out, fromPending, length - fromPending);
            return read == length ? out : java.util.Arrays.copyOf(out, read);
        }

        void unread(byte[] bytes) {
            byte[] rest = java.util.Arrays.copyOfRange(pending, pendingAt, pending.length);
            pending = new byte[bytes.length + rest.length];
            System.arraycopy(bytes, 0, pending, 0, bytes.length);
            System.arraycopy(rest, 0, pending, bytes.length, rest.length);
            pendingAt = 0;
        }
    }

    /** What a header block said. */
    private static final class Headers {
        int contentLength = -1;
        String problem = "no Content-Length header";
        Charset charset = StandardCharsets.UTF_8;

        void length(String value) {
            try {
                long parsed = Long.parseLong(value);
                if (parsed < 0) {
                    problem = "a negative Content-Length (" + value + ")";
                } else if (parsed > MAX_MESSAGE_BYTES) {
                    problem = "a Content-Length of " + value + " bytes, above the limit of " + MAX_MESSAGE_BYTES;
                } else {
                    contentLength = (int) parsed;
                }
            } catch (NumberFormatException notANumber) {
                problem = "a Content-Length that is not a number ('" + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "')";
            }
        }

        void contentType(String value) {
            int at = value.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (at >= 0) {
                String name = value.substring(at + "charset=".length()).replace("\"", "").trim();
                // "utf8" is what VS Code's own client once sent; anything unknown falls back to UTF-8.
                if (name.equalsIgnoreCase("utf8")) {
                    return;
                }
                try {
                    charset = Charset.forName(name);
                } catch (RuntimeException unknown) {
                    charset = StandardCharsets.UTF_8;
                }
            }
        }
    }
}
