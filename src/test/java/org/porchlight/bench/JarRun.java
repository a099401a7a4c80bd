package org.porchlight.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.porchlight.testing.PorchlightJar;

/**
 * Porchlight's shaded jar as its own process: how long it takes to say it is running, and how much
 * memory it holds, read from {@code /proc/<pid>/status}. Its output goes to a log file beside it.
 */
final class JarRun implements AutoCloseable {
  private static final String READY = "Porchlight is running";

  private final Process process;
  private final long launchedAt;
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile long readyAt;
  private volatile boolean outOfMemory;

  private JarRun(Process process, long launchedAt, Path log) {
    this.process = process;
    this.launchedAt = launchedAt;
    Thread reader = new Thread(() -> copy(log), "porchlight-jar-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java [flags] -jar jar} in {@code folder}, with {@code env} added. */
  static JarRun launch(Path jar, Path folder, List<String> flags, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
    builder.environment().put("PORCHLIGHT_SERVER_PORT", String.valueOf(PorchlightJar.freePort()));
    builder.environment().putAll(env);
    builder.environment().remove("DISCORD_BOT_TOKEN");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("PORCHLIGHT_DB_URL");
    try {
      long launchedAt = System.nanoTime();
      return new JarRun(builder.start(), launchedAt, folder.resolve("porchlight.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void copy(Path log) {
    try (BufferedReader output =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.contains(READY) && ready.getCount() > 0) {
          readyAt = System.nanoTime();
          ready.countDown();
        }
        if (line.contains("OutOfMemoryError")) outOfMemory = true;
        file.println(line);
        file.flush();
      }
    } catch (IOException e) {
      // The process went away; what it wrote so far is in the log.
    }
  }

  /** From launch until the "running" line; fails when it does not come within {@code timeout}. */
  Duration awaitReady(Duration timeout) throws InterruptedException {
    if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "the jar did not say it was running within " + timeout + "; see its porchlight.log");
    }
    return Duration.ofNanos(readyAt - launchedAt);
  }

  /** Resident memory now, in kB. */
  long residentKb() {
    return status("VmRSS:");
  }

  /** The most resident memory the process has held since it started, in kB. */
  long peakResidentKb() {
    return status("VmHWM:");
  }

  /** Processor time the process has used so far, user and system. */
  Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  boolean ranOutOfMemory() {
    return outOfMemory;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  private long status(String field) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no " + field + " for the process");
  }

  /** Asks the process to stop (SIGTERM), as an operator would, and waits for it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (process.waitFor(30, TimeUnit.SECONDS)) return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
  }
}
