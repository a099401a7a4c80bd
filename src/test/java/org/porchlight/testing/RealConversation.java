package org.porchlight.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;
import org.porchlight.core.Hosting;
import org.porchlight.core.Places;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.conversation.Stores;
import org.porchlight.core.port.BuddyStore;
import org.porchlight.core.port.CheckInStore;
import org.porchlight.core.port.CommunityStore;
import org.porchlight.core.port.MeetingReminderStore;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.ReachOutStore;
import org.porchlight.core.port.StepStore;
import org.porchlight.core.port.SupportStore;
import org.porchlight.store.Database;
import org.porchlight.store.JsonExport;
import org.porchlight.store.Sealer;

/** The conversation as Porchlight runs it: the shipped config/, the real reader and export. */
public final class RealConversation {
  /** The key the tests seal pods and plans with. */
  public static final Sealer TEST_SEALER = new Sealer(new byte[Sealer.KEY_BYTES]);

  private RealConversation() {}

  public static Conversation on(Database database, Clock clock) {
    return with(
        database.members(),
        database.checkIns(),
        database.steps(),
        database.communities(),
        database.support(TEST_SEALER),
        database.reachOuts(),
        database.buddies(TEST_SEALER),
        database.meetingReminders(),
        clock);
  }

  /** Hosts' side, on the same shipped content. */
  public static Hosting hosting(Database database, Clock clock) {
    ConfigLoader loader = new ConfigLoader(Path.of("config"));
    return new Hosting(
        database.communities(),
        database.meetingReminders(),
        loader.content(Settings.defaults()),
        new Places(),
        clock);
  }

  public static Conversation with(
      MemberStore members,
      CheckInStore checkIns,
      StepStore steps,
      CommunityStore communities,
      SupportStore support,
      ReachOutStore reachOuts,
      BuddyStore buddies,
      MeetingReminderStore meetingReminders,
      Clock clock) {
    ConfigLoader loader = new ConfigLoader(Path.of("config"));
    return new Conversation(
        new Stores(
            members, checkIns, steps, communities, support, reachOuts, buddies, meetingReminders),
        loader.content(Settings.defaults()),
        ConfigLoader.options(Settings.defaults()),
        new JsonExport(),
        clock,
        // Seeded, so a run can be repeated.
        RandomGenerator.of("L64X128MixRandom"));
  }
}
