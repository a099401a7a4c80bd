package org.porchlight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.porchlight.core.Community;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Pod;
import org.porchlight.core.SafetyPlan;

/**
 * The words a member asked Porchlight to keep are sealed at rest, on every database: no table, and
 * no copy of the database, holds them as written; and only the key they were sealed with opens
 * them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SealedWordsContract {
  private static final Instant T0 = Instant.parse("2026-11-21T16:00:00Z");
  private static final MemberId ALEX = new MemberId("telegram", "1001");
  private static final String NAME = "Marisol";
  private static final String ANSWER_WORD = "Thistlewick";
  // Stored as written (a server's name is not a member's words): seen in the copy, it shows the
  // search for NAME would have found it.
  private static final String SERVER_NAME = "Quillhaven";
  private static final Sealer SEALER = new Sealer(Sealer.newKey());

  private Database database;

  abstract Database open();

  /**
   * The database's bytes as a copy of it holds them (its file, or a dump), once everything is
   * written. The database may be closed: the next test opens it again.
   */
  abstract byte[] copy(Database database) throws Exception;

  @BeforeEach
  void emptyDatabase() throws SQLException {
    if (database == null) database = open();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM members");
      s.executeUpdate("DELETE FROM communities");
      s.executeUpdate("DELETE FROM secret_key_check");
    }
  }

  @AfterAll
  void close() {
    if (database != null) database.close();
  }

  private void alexWithAPodAndAPlan() {
    database.members().save(Member.arriving(ALEX, "en", T0));
    database
        .support(SEALER)
        .savePod(
            ALEX,
            Pod.EMPTY
                .with(new Pod.Entry(Pod.Ring.CORE, NAME))
                .with(new Pod.Entry(Pod.Ring.MOVABLE, NAME + " from work")));
    database
        .support(SEALER)
        .savePlan(
            ALEX,
            SafetyPlan.EMPTY.with(
                SafetyPlan.Section.TAKE_MY_MIND_OFF,
                Optional.of("ring " + NAME + ", or walk " + ANSWER_WORD + " the dog")));
  }

  @Test
  void theTablesHoldNoNameOrAnswerAsWritten() throws SQLException {
    alexWithAPodAndAPlan();

    List<String> stored = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT ring, name_sealed FROM pod_entries",
              "SELECT section, answer_sealed FROM safety_plan_answers")) {
        try (ResultSet rows = s.executeQuery(sql)) {
          while (rows.next()) stored.add(rows.getString(1) + " " + rows.getString(2));
        }
      }
    }

    assertThat(stored).hasSize(3);
    assertThat(String.join("\n", stored))
        .doesNotContainIgnoringCase(NAME)
        .doesNotContainIgnoringCase(ANSWER_WORD);
    assertThat(database.support(SEALER).pod(ALEX).entries().get(0).name()).isEqualTo(NAME);
  }

  @Test
  void aCopyOfTheDatabaseShowsNoNameOrAnswer() throws Exception {
    alexWithAPodAndAPlan();
    database
        .communities()
        .visited(ALEX, new Community.Id("discord", "135197118292819968"), SERVER_NAME, T0);

    Database copied = database;
    database = null;
    byte[] copy = copy(copied);

    assertThat(contains(copy, SERVER_NAME)).as("the copy holds what is stored as written").isTrue();
    assertThat(contains(copy, NAME)).as("a name in the pod").isFalse();
    assertThat(contains(copy, ANSWER_WORD)).as("a word of the plan").isFalse();
  }

  /** Whether {@code text} is in {@code bytes}, in UTF-8 or in UTF-16 of either byte order. */
  private static boolean contains(byte[] bytes, String text) {
    for (var charset :
        List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
      if (indexOf(bytes, text.getBytes(charset)) >= 0) return true;
    }
    return false;
  }

  private static int indexOf(byte[] bytes, byte[] wanted) {
    outer:
    for (int i = 0; i + wanted.length <= bytes.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  @Test
  void theFirstKeyToStartSealsTheCheckAndOpensItOnEveryStartAfter() {
    assertThat(database.keyCheck(SEALER)).isEqualTo(Database.KeyCheck.NOTHING_SEALED_YET);

    database.checkKey(SEALER);
    database.checkKey(SEALER);

    assertThat(database.keyCheck(SEALER)).isEqualTo(Database.KeyCheck.OPENS);
  }

  @Test
  void lookingAtAKeyStoresNothing() {
    database.keyCheck(SEALER);

    assertThat(database.keyCheck(new Sealer(Sealer.newKey())))
        .isEqualTo(Database.KeyCheck.NOTHING_SEALED_YET);
  }

  @Test
  void anotherKeyIsRefusedAndTheNamesAreLeftAsTheyWere() {
    alexWithAPodAndAPlan();
    database.checkKey(SEALER);
    Sealer another = new Sealer(Sealer.newKey());

    assertThat(database.keyCheck(another)).isEqualTo(Database.KeyCheck.DOES_NOT_OPEN);
    assertThatThrownBy(() -> database.checkKey(another)).isInstanceOf(Sealer.WrongKey.class);
    assertThat(database.support(SEALER).pod(ALEX).entries()).hasSize(2);
  }

  @Test
  void sealingAgainWithANewKeyLeavesItAloneAbleToOpenTheNames() {
    alexWithAPodAndAPlan();
    database.checkKey(SEALER);
    Sealer newKey = new Sealer(Sealer.newKey());

    assertThat(database.reseal(SEALER, newKey)).isEqualTo(3);

    assertThat(database.keyCheck(newKey)).isEqualTo(Database.KeyCheck.OPENS);
    assertThat(database.keyCheck(SEALER)).isEqualTo(Database.KeyCheck.DOES_NOT_OPEN);
    assertThat(database.support(newKey).pod(ALEX).entries().get(0).name()).isEqualTo(NAME);
    assertThat(database.support(newKey).plan(ALEX).answer(SafetyPlan.Section.TAKE_MY_MIND_OFF))
        .hasValueSatisfying(answer -> assertThat(answer).contains(ANSWER_WORD));
    assertThatThrownBy(() -> database.support(SEALER).pod(ALEX))
        .isInstanceOf(Sealer.WrongKey.class);
  }

  @Test
  void sealingAgainFromAKeyThatIsNotTheDatabasesChangesNothing() {
    alexWithAPodAndAPlan();
    database.checkKey(SEALER);
    Sealer newKey = new Sealer(Sealer.newKey());

    assertThatThrownBy(() -> database.reseal(new Sealer(Sealer.newKey()), newKey))
        .isInstanceOf(Sealer.WrongKey.class);

    assertThat(database.keyCheck(SEALER)).isEqualTo(Database.KeyCheck.OPENS);
    assertThat(database.support(SEALER).pod(ALEX).entries()).hasSize(2);
  }

  @Test
  void ofInstancesFirstStartingAtOnceWithDifferentKeysExactlyOneIsTaken() throws Exception {
    ExecutorService instances = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        try (Connection c = database.dataSource().getConnection();
            Statement s = c.createStatement()) {
          s.executeUpdate("DELETE FROM secret_key_check");
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Sealer> keys = new ArrayList<>();
        List<Future<Boolean>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          Sealer key = new Sealer(Sealer.newKey());
          keys.add(key);
          starts.add(
              instances.submit(
                  () -> {
                    go.await();
                    try {
                      database.checkKey(key);
                      return true;
                    } catch (Sealer.WrongKey e) {
                      return false;
                    }
                  }));
        }
        go.countDown();
        int taken = 0;
        for (int i = 0; i < 4; i++) {
          if (starts.get(i).get()) {
            taken++;
            assertThat(database.keyCheck(keys.get(i))).isEqualTo(Database.KeyCheck.OPENS);
          }
        }
        assertThat(taken).as("keys taken in round %d", round).isEqualTo(1);
      }
    } finally {
      instances.shutdownNow();
    }
  }
}
