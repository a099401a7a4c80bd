package org.porchlight.web;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.porchlight.runtime.Daemons;

/**
 * Porchlight's one HTTP server: health checks, metrics and Telegram's webhook, on {@code
 * server.port}. The JDK's own server: a few requests a second need nothing more.
 */
public final class WebServer implements AutoCloseable {
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService threads;

  private WebServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Listens on {@code bindAddress:port} (for tests, port 0: any free one). */
  public static WebServer start(String bindAddress, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
      ExecutorService threads = Executors.newFixedThreadPool(THREADS, Daemons.named("http"));
      server.setExecutor(threads);
      server.start();
      return new WebServer(server, threads);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not listen on " + bindAddress + ":" + port + " (server.port): " + e.getMessage(),
          e);
    }
  }

  /** Serves {@code path} (and the paths below it) with {@code handler}. */
  public void route(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdown();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
