package uz.karvon.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A one-connection loopback server writing canned bytes, then closing with FIN or RST. */
final class RawServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;

    RawServer(byte[] response, boolean reset) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            try (Socket s = server.accept()) {
                readRequestHead(s.getInputStream());
                OutputStream out = s.getOutputStream();
                out.write(response);
                out.flush();
                if (reset) {
                    s.setSoLinger(true, 0);   // close() now sends RST
                }
            } catch (IOException ignored) {
                // test ends either way
            }
        }, "raw-server");
        thread.setDaemon(true);
        thread.start();
    }

    static byte[] head(String statusAndHeaders) {
        return (statusAndHeaders.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) != -1) {
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
