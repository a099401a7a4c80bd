package org.porchlight.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated month ({@link SimulatedMonth}) on H2: a small seeded run in every build, and as many
 * members and seeds as {@code -Dmonth.members} and {@code -Dmonth.seeds} ask for ({@code
 * -Dmonth.seed} replays one).
 */
class SimulatedMonthTest {
  private static final int MEMBERS = Integer.getInteger("month.members", 40);
  private static final int DAYS = Integer.getInteger("month.days", 30);
  private static final int SEEDS = Integer.getInteger("month.seeds", 1);
  private static final long FIRST_SEED = Long.getLong("month.seed", 20260307L);

  @TempDir Path folder;

  @Test
  void aMonthOfMembersKeepsEveryPromiseAboutWhatIsSentAndWhen() throws Exception {
    for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
      Path run = Files.createDirectories(folder.resolve("seed-" + seed));
      long started = System.nanoTime();
      SimulatedMonth.Figures figures = new SimulatedMonth(seed, MEMBERS, DAYS, run).run();
      System.out.printf(
          "simulated month: %s in %d ms%n", figures, (System.nanoTime() - started) / 1_000_000);
      assertThat(figures.checkIns()).isGreaterThan(MEMBERS * DAYS / 4);
      assertThat(figures.reminders()).isPositive();
      assertThat(figures.lightsOn()).isPositive();
      assertThat(figures.reachOuts()).isPositive();
    }
  }
}
