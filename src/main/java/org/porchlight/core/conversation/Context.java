package org.porchlight.core.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.porchlight.core.Content;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.Places;
import org.porchlight.core.port.ExportFormat;
import org.porchlight.core.port.Tally;
import org.porchlight.core.reading.TextReader;

/** What every turn of every member shares: the stores, the content, the settings, the time. */
final class Context {
  final Stores stores;
  final Content content;
  final ConversationOptions options;
  // Patterns alone until the app gives the conversation a sentence model.
  volatile TextReader reader = new TextReader();
  final Places places = new Places();
  final ExportFormat export;
  final Clock clock;
  final RandomGenerator random;
  volatile Tally tally = Tally.NONE;
  // The bot's username on each platform that has one, for links such as Telegram's t.me.
  final Map<String, String> botNames = new ConcurrentHashMap<>();

  Context(
      Stores stores,
      Content content,
      ConversationOptions options,
      ExportFormat export,
      Clock clock,
      RandomGenerator random) {
    this.stores = requireNonNull(stores, "stores == null");
    this.content = requireNonNull(content, "content == null");
    this.options = requireNonNull(options, "options == null");
    this.export = requireNonNull(export, "export == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.random = requireNonNull(random, "random == null");
  }
}
