package org.porchlight.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;

/** The real texts, steps and crisis lines from config/, with a group meeting set. */
public final class TestContent {
  public static final String MEETING_URL = "https://meet.example.org/thursday-circle";

  private TestContent() {}

  public static Content load() {
    Content real = new ConfigLoader(Path.of("config")).content(Settings.defaults());
    return new Content(
        Map.of("en", real.messagesFor("en")),
        "en",
        real.steps(),
        real.crisisLines(),
        new Group(
            "Thursday Circle", Optional.of(MEETING_URL), Optional.of("on Thursdays at 19:00")));
  }

  public static Content withSteps(List<Step> steps) {
    Content real = load();
    return new Content(
        Map.of("en", real.messagesFor("en")),
        "en",
        new Steps(steps),
        real.crisisLines(),
        real.group());
  }
}
