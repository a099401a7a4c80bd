package org.porchlight.app;

import java.time.Clock;
import java.util.random.RandomGenerator;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;
import org.porchlight.core.Content;
import org.porchlight.core.Conversation;
import org.porchlight.core.Places;
import org.porchlight.core.TextReader;
import org.porchlight.store.Database;
import org.porchlight.store.JsonExport;

/** Porchlight wired together with constructors: the database, the content and the conversation. */
final class Porchlight implements AutoCloseable {
  final Settings settings;
  final Database database;
  final Conversation conversation;
  final JsonExport export = new JsonExport();

  Porchlight(Settings settings, ConfigLoader loader, Clock clock) {
    this.settings = settings;
    Content content = loader.content(settings);
    this.database =
        Database.open(
            settings.store().jdbcUrl(),
            settings.store().user(),
            settings.store().password(),
            settings.store().poolSize());
    this.conversation =
        new Conversation(
            database.members(),
            database.checkIns(),
            database.steps(),
            content,
            ConfigLoader.options(settings),
            new TextReader(),
            new Places(),
            export,
            clock,
            RandomGenerator.getDefault());
  }

  @Override
  public void close() {
    database.close();
  }
}
