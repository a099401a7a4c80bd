package org.porchlight.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;
import org.porchlight.core.Content;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.Hosting;
import org.porchlight.core.MemberData;
import org.porchlight.core.Places;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.conversation.Stores;
import org.porchlight.core.reading.Meaning;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.metrics.Metrics;
import org.porchlight.schedule.Scheduling;
import org.porchlight.store.Database;
import org.porchlight.store.JsonExport;
import org.porchlight.store.Sealer;
import org.porchlight.understanding.SentenceMeaning;

/** Porchlight wired together with constructors: the database, the content and the conversation. */
public final class Porchlight implements AutoCloseable {
  // Letters each sender takes at a time: few, so a crash repeats little.
  private static final int SEND_BATCH = 20;

  final Settings settings;
  final Database database;
  final Conversation conversation;
  final Hosting hosting;
  final JsonExport export = new JsonExport();
  final Metrics metrics;
  private final Sealer sealer;
  private final ConfigLoader loader;
  private final ConversationOptions options;
  private volatile SentenceMeaning meaning;
  private final Clock clock;

  public Porchlight(Settings settings, ConfigLoader loader, Clock clock) {
    this.settings = settings;
    this.loader = loader;
    this.options = ConfigLoader.options(settings);
    this.clock = clock;
    this.metrics = new Metrics(clock);
    Content content = loader.content(settings);
    SecretKeys keys = new SecretKeys(settings.store());
    // Before the database opens: a key that is missing or unreadable stops the start at once.
    Optional<SecretKeys.Key> key = keys.find();
    this.database =
        Database.open(
            settings.store().jdbcUrl(),
            settings.store().user(),
            settings.store().password().reveal(),
            settings.store().poolSize(),
            metrics.registry());
    try {
      this.sealer = keys.sealerFor(key, database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    metrics.watch(database.outbox());
    this.conversation =
        new Conversation(
                new Stores(
                    database.members(),
                    database.checkIns(),
                    database.steps(),
                    database.communities(),
                    database.support(sealer),
                    database.reachOuts(),
                    database.buddies(sealer),
                    database.meetingReminders()),
                content,
                options,
                export,
                clock,
                RandomGenerator.getDefault())
            .counting(metrics);
    this.hosting =
        new Hosting(
            database.communities(), database.meetingReminders(), content, new Places(), clock);
  }

  /**
   * Starts loading the sentence model in the background and has the conversation read words with it
   * once it is ready; until then the patterns alone answer. For a Porchlight that talks with
   * members (the platforms, the console), not for one that exports or forgets.
   */
  public Meaning understand() {
    if (meaning == null) {
      meaning = new SentenceMeaning(loader.examples(), loader.thresholds()).start();
      conversation.understanding(meaning);
    }
    return meaning;
  }

  /** The database, open. */
  public Database database() {
    return database;
  }

  /** The conversation, over the database and the content. */
  public Conversation conversation() {
    return conversation;
  }

  /**
   * Replaces everything stored about {@code data}'s member with {@code data}, in one transaction:
   * an import. Their pod and plan are sealed with this instance's key.
   */
  public void replace(MemberData data) {
    database.replace(data, sealer);
  }

  /**
   * Seals every pod name and plan answer again with {@code newKey}, in one transaction; from then
   * on, Porchlight must start with that key.
   *
   * @return how many names and answers were sealed again
   */
  public int reseal(Sealer newKey) {
    return database.reseal(sealer, newKey);
  }

  /** Members' data as JSON, and back. */
  public JsonExport export() {
    return export;
  }

  /** Check-ins on time on the given platforms: sweeping and sending, once started. */
  public Scheduling scheduling(List<Sender.Channel> channels) {
    DueCheckIns rules = new DueCheckIns(options);
    Settings.Schedule schedule = settings.schedule();
    Sender sender =
        new Sender(
                database.outbox(),
                database.members(),
                channels,
                conversation::prompt,
                rules,
                clock,
                schedule.senders(),
                SEND_BATCH)
            .counting(metrics)
            .whenUnreachable(conversation::unreachable);
    return new Scheduling(
        database.dataSource(),
        new Sweeper(database.due(), rules, clock, schedule.batchSize()),
        sender,
        schedule.sweepEvery());
  }

  @Override
  public void close() {
    if (meaning != null) meaning.close();
    database.close();
    metrics.close();
  }
}
