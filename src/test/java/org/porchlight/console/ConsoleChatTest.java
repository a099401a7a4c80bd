package org.porchlight.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;
import org.porchlight.core.Conversation;
import org.porchlight.core.Places;
import org.porchlight.core.TextReader;
import org.porchlight.store.Database;
import org.porchlight.store.JsonExport;

class ConsoleChatTest {
  @TempDir Path dir;
  private Database database;

  @AfterEach
  void close() {
    if (database != null) database.close();
  }

  private String chat(String input) {
    ConfigLoader loader = new ConfigLoader(Path.of("config"));
    Settings settings = Settings.defaults();
    database =
        Database.open(
            "jdbc:h2:mem:console" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
            "",
            "",
            2);
    Conversation conversation =
        new Conversation(
            database.members(),
            database.checkIns(),
            database.steps(),
            loader.content(settings),
            ConfigLoader.options(settings),
            new TextReader(),
            new Places(),
            new JsonExport(),
            Clock.fixed(Instant.parse("2026-11-21T16:00:00Z"), ZoneOffset.UTC),
            RandomGenerator.of("L64X128MixRandom"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConsoleChat(
            conversation,
            ConsoleChat.MEMBER,
            new BufferedReader(new StringReader(input)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            false)
        .run();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void buttonsPrintNumberedAndANumberPressesOne() {
    String out = chat("/time 20:00\n/timezone Europe/London\n/checkin\n3\n");

    assertThat(out).contains("[1] Honestly fine   [2] Rough day   [3] Skip today");
    assertThat(out).containsAnyOf("no check-in today", "Skipping is fine");
  }

  @Test
  void typingALabelPressesThatButton() {
    String out = chat("/time 20:00\n/timezone Europe/London\n/checkin\nrough day\n");

    assertThat(out).contains("One small thing");
  }

  @Test
  void aNumberWithNoButtonsOnScreenIsJustWords() {
    String out = chat("/time 20:00\n/timezone Europe/London\n/help\n2\n");

    assertThat(out).contains("I'd rather ask than guess");
  }

  @Test
  void quitEndsTheChatBeforeTheInputDoes() {
    String out = chat("/quit\n/help\n");

    assertThat(out).doesNotContain("What I can do");
  }

  @Test
  void aDocumentIsPrintedBetweenMarkers() {
    String out = chat("/time 20:00\n/mydata\n");

    assertThat(out)
        .contains("----- porchlight-mydata.json -----")
        .contains("\"userId\": \"local\"");
  }
}
