package org.logbookls.lsp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Writes each outgoing message as LSP4J's {@code StreamMessageConsumer} does ({@code Content-Length}
 * header, UTF-8 body), but serialises the body into 64 KB blocks instead of one string.
 *
 * <p>Why: the outline of a 50,000-entry logbook is 35 MB of JSON. LSP4J builds it in a growing
 * string buffer, copies it into a string, then into bytes: over 100 MB of short-lived arrays too
 * large for the young generation, which filled the old one and cost several full collections per
 * answer. Blocks are small, allocated once, and dropped as soon as the message is written.
 */
final class ChunkedMessageConsumer implements MessageConsumer {
    private static final int BLOCK = 64 * 1024;
    private final OutputStream output;
    private final MessageJsonHandler json;

    ChunkedMessageConsumer(OutputStream output, MessageJsonHandler json) {
        this.output = output;
        this.json = json;
    }

    @Override
    public void consume(Message message) {
        if (message instanceof ResponseMessage response && response.getResult() instanceof Outline outline && response.getError() == null
                && writeOutline(response, outline)) {
            return;
        }
        Blocks body = new Blocks();
        try {
            // Buffered: the encoder under an OutputStreamWriter copies every string written to it into a new array.
            Writer writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 8192);
            json.serialize(message, writer);
            writer.flush();
            synchronized (output) {
                output.write(("Content-Length: " + body.size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                body.writeTo(output);
                output.flush();
            }
        } catch (IOException e) {
            throw new JsonRpcException(e);
        }
    }

    /**
     * An outline answer: LSP4J's envelope around the outline's bytes, written straight to the output
     * (its size is known beforehand), not serialised into blocks first: most of an outline's JSON is
     * bytes kept from the last answer ({@link OutlineJson}), and copying 7.6 MB of it per answer was
     * most of what was left of writing it. False when the envelope is not the one expected.
     */
    private boolean writeOutline(ResponseMessage response, Outline outline) {
        ResponseMessage empty = new ResponseMessage();
        empty.setRawId(response.getRawId());
        empty.setJsonrpc(response.getJsonrpc());
        empty.setResult(List.of());
        String envelope = json.serialize(empty);
        String hole = "[]}";
        if (!envelope.endsWith(hole) || envelope.indexOf(hole) != envelope.length() - hole.length()) {
            return false;
        }
        byte[] head = envelope.substring(0, envelope.length() - hole.length()).getBytes(StandardCharsets.UTF_8);
        OutlineJson.Prepared body = outline.json(json.getGson().htmlSafe());
        try {
            synchronized (output) {
                output.write(("Content-Length: " + (head.length + body.size() + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                output.write(head);
                body.writeTo(output);
                output.write('}');
                output.flush();
            }
        } catch (IOException e) {
            throw new JsonRpcException(e);
        }
        return true;
    }

    /** An output stream into a list of fixed-size blocks. */
    private static final class Blocks extends OutputStream {
        private final List<byte[]> full = new ArrayList<>();
        private byte[] current = new byte[BLOCK];
        private int used;
        private long size;

        @Override
        public void write(int b) {
            if (used == current.length) {
                next();
            }
            current[used++] = (byte) b;
            size++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (used == current.length) {
                    next();
                }
                int n = Math.min(length, current.length - used);
                System.arraycopy(bytes, offset, current, used, n);
                used += n;
                offset += n;
                length -= n;
                size += n;
            }
        }

        private void next() {
            full.add(current);
            current = new byte[BLOCK];
            used = 0;
        }

        void writeTo(OutputStream out) throws IOException {
            for (byte[] block : full) {
                out.write(block);
            }
            out.write(current, 0, used);
        }
    }
}
