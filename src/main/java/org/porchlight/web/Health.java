package org.porchlight.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: it can do its work now, the
 * database reachable and each configured platform connected; not while it is stopping. Both answer
 * JSON, 200 when up and 503 when not, for load balancers and container healthchecks.
 */
public final class Health {
  private static final Logger LOG = LoggerFactory.getLogger(Health.class);

  // Checks are added while probes are already being answered: every use holds the map's lock.
  private final Map<String, BooleanSupplier> checks =
      Collections.synchronizedMap(new LinkedHashMap<>());
  // Parts that may be down while Porchlight still does its work: shown, never failing readiness.
  private final Map<String, BooleanSupplier> details =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile boolean started;
  private volatile boolean stopping;

  /** Adds a readiness check: {@code database}, {@code telegram}, {@code discord}. */
  public Health check(String name, BooleanSupplier up) {
    checks.put(name, up);
    return this;
  }

  /**
   * Adds a part whose state {@code /health/ready} shows without waiting for it, such as the
   * sentence model while it loads (the patterns answer meanwhile).
   */
  public Health detail(String name, BooleanSupplier up) {
    details.put(name, up);
    return this;
  }

  /** Everything has started: ready from now on, while the checks pass. */
  public void started() {
    started = true;
  }

  /** From now on, not ready: a load balancer sends nothing more here. */
  public void stopping() {
    stopping = true;
  }

  public HttpHandler live() {
    return exchange -> answer(exchange, stopping ? 503 : 200, status(!stopping, Map.of()));
  }

  public HttpHandler ready() {
    return exchange -> {
      Map<String, Boolean> results = new LinkedHashMap<>();
      current().forEach((name, check) -> results.put(name, safely(name, check)));
      if (!started) results.put("started", false);
      boolean up = !stopping && results.values().stream().allMatch(Boolean::booleanValue);
      Map<String, BooleanSupplier> shown;
      synchronized (details) {
        shown = new LinkedHashMap<>(details);
      }
      shown.forEach((name, check) -> results.put(name, safely(name, check)));
      answer(exchange, up ? 200 : 503, status(up, results));
    };
  }

  /** Whether all is ready now, as {@code /health/ready} would say. */
  public boolean isReady() {
    return started
        && !stopping
        && current().entrySet().stream().allMatch(e -> safely(e.getKey(), e.getValue()));
  }

  private Map<String, BooleanSupplier> current() {
    synchronized (checks) {
      return new LinkedHashMap<>(checks);
    }
  }

  private static boolean safely(String name, BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      LOG.debug("readiness check {} failed: {}", name, e.toString());
      return false;
    }
  }

  private static String status(boolean up, Map<String, Boolean> results) {
    String detail =
        results.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":\"" + (e.getValue() ? "up" : "down") + "\"")
            .collect(Collectors.joining(","));
    return "{\"status\":\""
        + (up ? "up" : "down")
        + "\""
        + (results.isEmpty() ? "" : ",\"checks\":{" + detail + "}")
        + "}\n";
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(status, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
