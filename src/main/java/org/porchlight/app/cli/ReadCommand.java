package org.porchlight.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.porchlight.core.reading.Explanation;
import org.porchlight.core.reading.Meaning;
import org.porchlight.core.reading.TextReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code porchlight read}: messages read exactly as the bot reads them, for the people who keep the
 * patterns and the examples in {@code config/}.
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
      "Read messages as Porchlight does: one message a line on standard input, one JSON line out"
          + " for each, with crisis (yes, ask or no), mood (fine, rough or null), step and why.",
      "Uses the patterns, the sentence model and the examples in config/, as the bot does."
    })
final class ReadCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand Main main;

  @Option(
      names = "--patterns-only",
      description = "Without the sentence model: what the patterns alone make of each message.")
  boolean patternsOnly;

  @Override
  public Integer call() {
    Meaning meaning = patternsOnly ? Meaning.NONE : main.understanding();
    TextReader reader = new TextReader(meaning);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(main.stdin, StandardCharsets.UTF_8));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) continue;
        main.stdout.println(JSON.writeValueAsString(json(line, reader.explain(line))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Main.OK;
  }

  private static ObjectNode json(String text, Explanation explained) {
    ObjectNode line = JSON.createObjectNode();
    line.put("text", text);
    line.put("crisis", explained.crisis().name().toLowerCase(Locale.ROOT));
    if (explained.mood().isPresent()) {
      line.put("mood", explained.mood().get().name().toLowerCase(Locale.ROOT));
    } else {
      line.putNull("mood");
    }
    line.put("step", explained.step());
    line.put("why", explained.why());
    return line;
  }
}
