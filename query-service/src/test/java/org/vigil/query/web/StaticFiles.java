package org.vigil.query.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The station's static files, exactly as built into {@code target/classes/static}, served on a free loopback
 * port with the content types a browser needs for ES modules; every other path answers 404, as Vigil does for
 * an API it does not have.
 */
final class StaticFiles implements AutoCloseable {

    private static final Path ROOT = Path.of("target", "classes", "static");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "ico", "image/x-icon");

    private final HttpServer server;

    private StaticFiles(HttpServer server) {
        this.server = server;
    }

    static StaticFiles serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                Path file = ROOT.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
                byte[] body;
                int status;
                if (file.startsWith(ROOT) && Files.isRegularFile(file)) {
                    body = Files.readAllBytes(file);
                    status = 200;
                    String name = file.getFileName().toString();
                    exchange.getResponseHeaders().set("Content-Type",
                            TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
                } else {
                    body = new byte[0];
                    status = 404;
                }
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new StaticFiles(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
