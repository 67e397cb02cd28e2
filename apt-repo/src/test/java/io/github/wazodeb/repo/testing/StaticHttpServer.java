package io.github.wazodeb.repo.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * Serves a folder over HTTP on 127.0.0.1, as a web server in front of a repository would: GET and HEAD of
 * plain files, 404 for anything else. The JDK's own server (its file server only came in JDK 18); each file
 * is read whole at the request, so a file renamed into place while being served is seen old or new, never
 * half of each.
 */
public final class StaticHttpServer implements AutoCloseable {

    private final HttpServer server;

    private StaticHttpServer(HttpServer server) {
        this.server = server;
    }

    public static StaticHttpServer serving(Path root) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> answer(root.toAbsolutePath().normalize(), exchange));
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return new StaticHttpServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static void answer(Path root, HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            byte[] content;
            try {
                content = file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            } catch (NoSuchFileException renamedAway) {
                content = null;
            }
            if (content == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : content.length);
            if (!head) {
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(content);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
