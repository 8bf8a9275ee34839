package org.passerelle.identity.notifications;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A partner's webhook receiver for the tests: records every request, and fails the first N of them with 500. */
final class Receiver implements AutoCloseable {

    record Request(String id, String timestamp, String signature, String body, int answeredWith) {
    }

    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    Receiver(int failFirst) throws IOException {
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body, status));
            byte[] answer = status == 500 ? "receiver down".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The ids of the requests answered 2xx, in the order they came. */
    List<String> delivered() {
        return requests.stream().filter(r -> r.answeredWith() < 300).map(Request::id).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
