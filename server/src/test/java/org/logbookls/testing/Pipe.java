package org.logbookls.testing;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-memory pipe for in-process protocol tests. Unlike {@code PipedInputStream}, it does not
 * declare the pipe broken when a thread that wrote to it ends, which short-lived server threads
 * (the start-up indexer) do.
 */
public final class Pipe {
    private static final byte[] CLOSED = new byte[0];
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

    public final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
            chunks.add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (length > 0) {
                chunks.add(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
            }
        }

        @Override
        public void close() {
            chunks.add(CLOSED);
        }
    };

    public final InputStream in = new InputStream() {
        private byte[] current = new byte[0];
        private int position;

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            if (length == 0) {
                return 0;
            }
            while (position >= current.length) {
                if (current == CLOSED) {
                    return -1;
                }
                try {
                    current = chunks.take();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
                position = 0;
                if (current == CLOSED) {
                    return -1;
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    };
}
