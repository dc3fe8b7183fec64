package org.vigil.simulator.intellivue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough of an IntelliVue Data Export client to drive a served monitor over TCP: the published client
 * messages, framed, and the monitor's replies read back one message at a time.
 */
final class DataExportClient implements AutoCloseable {

    private final Socket socket;
    private final SerialFrames.Reader reader = new SerialFrames.Reader(8192);
    private final List<byte[]> pending = new ArrayList<>();

    private DataExportClient(Socket socket) {
        this.socket = socket;
    }

    static DataExportClient connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        return new DataExportClient(socket);
    }

    /** Sends an Association Request, returns the two replies and confirms the MDS Create Event. */
    List<byte[]> associate() throws IOException {
        send(PublishedClientMessages.ASSOCIATION_REQUEST);
        List<byte[]> replies = List.of(next(), next());
        send(PublishedClientMessages.MDS_CREATE_EVENT_RESULT);
        return replies;
    }

    /** Sends an Extended Poll Data Request for numerics and returns the answer. */
    byte[] poll() throws IOException {
        send(PublishedClientMessages.EXTENDED_NUMERIC_POLL);
        return next();
    }

    /** Reads until the monitor closes the connection; true when it did (within the socket timeout). */
    boolean endOfStream() throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                if (in.read(new byte[256]) < 0) {
                    return true;
                }
            }
        } catch (IOException reset) {
            return reset.getMessage() != null && reset.getMessage().contains("reset");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void send(byte[] message) throws IOException {
        socket.getOutputStream().write(SerialFrames.wrap(message));
        socket.getOutputStream().flush();
    }

    private byte[] next() throws IOException {
        byte[] buffer = new byte[1024];
        while (pending.isEmpty()) {
            int count = socket.getInputStream().read(buffer);
            if (count < 0) {
                throw new IOException("monitor closed the connection");
            }
            pending.addAll(reader.push(Arrays.copyOf(buffer, count)));
        }
        return pending.remove(0);
    }
}
