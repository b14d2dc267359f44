package org.logbookls.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The server as an editor runs it: a separate {@code java} process on the test class path, spoken
 * to over its real standard input and output. Bytes can be sent exactly as given, so framing
 * errors reach the server as a broken client would send them.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final OutputStream in;
    private final Map<String, JsonObject> responses = new ConcurrentHashMap<>();
    /** When each response's last byte arrived (System.nanoTime), before this client decoded it. */
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private ServerProcess(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
        this.reader = new Thread(this::read, "test-server-stdout");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(stderrSink());
            } catch (IOException ended) {
                // The process ended.
            }
        }, "test-server-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    /** Starts {@code java -cp <this test's class path> org.logbookls.Main} with a small heap. */
    public static ServerProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.logbookls.Main"));
        return new ServerProcess(new ProcessBuilder(command).start());
    }

    public Process process() {
        return process;
    }

    public String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    private OutputStream stderrSink() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (stderr) {
                    stderr.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (stderr) {
                    stderr.write(bytes, offset, length);
                }
            }
        };
    }

    /** Sends bytes exactly as given. */
    public synchronized void raw(byte[] bytes) throws IOException {
        in.write(bytes);
        in.flush();
    }

    public void raw(String text) throws IOException {
        raw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one well-framed message. */
    public void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        message.writeBytes(body);
        raw(message.toByteArray());
    }

    public void request(Object id, String method, String params) throws IOException {
        String idJson = id instanceof String text ? new com.google.gson.JsonPrimitive(text).toString() : String.valueOf(id);
        send("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    public void notify(String method, String params) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    /** The response with this id ({@code "null"} for responses without one), waiting up to the timeout. */
    public JsonObject response(Object id, long timeoutMillis) throws InterruptedException {
        String key = String.valueOf(id);
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            JsonObject found = responses.remove(key);
            if (found != null) {
                return found;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("No response with id " + key + " within " + timeoutMillis + " ms; server log:\n" + tail(stderr()));
    }

    /**
     * When the response with this id arrived whole (System.nanoTime), before this client parsed it:
     * the server's time, without the seconds a JSON tree of 20 MB takes this client to build.
     */
    public long arrivedAt(Object id) {
        Long arrived = arrivals.get(String.valueOf(id));
        if (arrived == null) {
            throw new IllegalStateException("No response with id " + id + " has arrived");
        }
        return arrived;
    }

    public boolean hasResponse(Object id) {
        return responses.containsKey(String.valueOf(id));
    }

    public List<JsonObject> notifications() {
        return notifications;
    }

    /** Initialises with the given workspace folder URI and position encodings, and says initialized. */
    public JsonObject initialize(String rootUri, Long processId) throws IOException, InterruptedException {
        request(0, "initialize", "{\"processId\":" + processId + ",\"rootUri\":" + (rootUri == null ? "null" : "\"" + rootUri + "\"")
                + ",\"capabilities\":{\"textDocument\":{\"diagnostic\":{}}}}");
        JsonObject result = response(0, 30_000);
        notify("initialized", "{}");
        return result;
    }

    public boolean waitForExit(long timeoutMillis) throws InterruptedException {
        return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void read() {
        try {
            InputStream out = process.getInputStream();
            while (true) {
                int length = -1;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int c = out.read();
                    if (c == -1) {
                        return;
                    }
                    if (c == '\n') {
                        String header = line.toString().trim();
                        line.setLength(0);
                        if (header.isEmpty()) {
                            break;
                        }
                        if (header.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(header.substring("content-length:".length()).trim());
                        }
                    } else {
                        line.append((char) c);
                    }
                }
                byte[] body = out.readNBytes(length);
                long arrived = System.nanoTime();
                JsonElement message = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
                JsonObject object = message.getAsJsonObject();
                if (object.has("method")) {
                    notifications.add(object);
                    if (object.has("id")) {
                        // A request from the server (registerCapability, workDoneProgress/create): say yes.
                        send("{\"jsonrpc\":\"2.0\",\"id\":" + object.get("id") + ",\"result\":null}");
                    }
                } else {
                    JsonElement id = object.get("id");
                    String key = id == null || id.isJsonNull() ? "null" : id.isJsonPrimitive() && id.getAsJsonPrimitive().isString()
                            ? id.getAsString() : id.toString();
                    arrivals.put(key, arrived);
                    responses.put(key, object);
                }
            }
        } catch (IOException | RuntimeException ended) {
            // The process ended or wrote something that is not a message; tests see the missing responses.
        }
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
