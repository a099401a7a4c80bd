package org.porchlight.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party corpus the corpus checks replay: real Telegram and Discord payloads and public
 * datasets, kept outside the repository. Its folder is the system property {@value #PROPERTY},
 * {@code ../shared/testdata} unless set. Tests that read it carry the tag {@value #TAG}, which the
 * default run leaves out and {@code ./mvnw -Pcorpus verify} runs.
 */
public final class Corpus {
  /** The JUnit tag of every test that reads the corpus. */
  public static final String TAG = "corpus";

  /** The system property naming the corpus folder. */
  public static final String PROPERTY = "porchlight.corpus";

  private static final String DEFAULT_FOLDER = "../shared/testdata";

  private Corpus() {}

  /**
   * A file or folder of the corpus. A corpus check that finds no corpus fails, saying where it
   * looked: a check that passes because its data was missing would say nothing.
   */
  public static Path path(String relative) {
    Path folder = Path.of(System.getProperty(PROPERTY, DEFAULT_FOLDER));
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          "The corpus checks need the corpus folder, and there is none at "
              + folder.toAbsolutePath().normalize()
              + ". Name it with -D"
              + PROPERTY
              + "=<folder>, or run the default suite alone with ./mvnw verify.");
    }
    Path file = folder.resolve(relative);
    if (!Files.exists(file)) {
      throw new IllegalStateException("The corpus at " + folder + " has no " + relative + ".");
    }
    return file;
  }
}
