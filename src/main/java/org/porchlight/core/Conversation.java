package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.porchlight.core.Action.AnotherStep;
import org.porchlight.core.Action.Answer;
import org.porchlight.core.Action.Forget;
import org.porchlight.core.Action.PostedAnswer;
import org.porchlight.core.Action.SetTime;
import org.porchlight.core.Action.TryStep;
import org.porchlight.core.CrisisLines.Country;
import org.porchlight.core.Incoming.ButtonPress;
import org.porchlight.core.Incoming.Command;
import org.porchlight.core.Incoming.Form;
import org.porchlight.core.Incoming.FreeText;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.port.CheckInStore;
import org.porchlight.core.port.CommunityStore;
import org.porchlight.core.port.ExportFormat;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.StepStore;
import org.porchlight.core.port.Tally;
import org.porchlight.core.reading.Reading;
import org.porchlight.core.reading.TextReader;

/**
 * The check-in conversation, the same on every platform: hears what a member did and answers with
 * {@link Reply} values. Crisis language is answered first, wherever it appears.
 */
public final class Conversation {
  // Button answers for the last few days are kept; older buttons ask about today instead.
  private static final int ANSWERABLE_DAYS = 7;
  private static final int ECHO_LIMIT = 40;
  // A rough run is looked for among the answers of this many local days.
  private static final int ROUGH_RUN_DAYS = 14;
  // Last heard is kept to about the hour, so that not every message costs a write.
  private static final Duration HEARD_PRECISION = Duration.ofHours(1);

  /**
   * Settings of the conversation that come from configuration rather than from members.
   *
   * @param morning the check-in time offered as "morning", and so on
   * @param crisisRepeatWindow within this time of a crisis reply, a repeat gets a short reminder
   * @param reminderAfter an unanswered check-in gets one gentle reminder this long after
   * @param roughDaysInARow after this many rough days in a row, Porchlight reaches out
   * @param silentDays after this many days without a word, one "the light's on", then quiet
   */
  public record Options(
      LocalTime morning,
      LocalTime midday,
      LocalTime evening,
      Duration crisisRepeatWindow,
      Duration reminderAfter,
      int roughDaysInARow,
      int silentDays) {
    public static final Options DEFAULT =
        new Options(
            LocalTime.of(8, 30),
            LocalTime.of(12, 30),
            LocalTime.of(19, 0),
            Duration.ofMinutes(30),
            Duration.ofHours(3),
            3,
            7);

    public Options {
      requireNonNull(morning, "morning == null");
      requireNonNull(midday, "midday == null");
      requireNonNull(evening, "evening == null");
      requireNonNull(crisisRepeatWindow, "crisisRepeatWindow == null");
      requireNonNull(reminderAfter, "reminderAfter == null");
      if (roughDaysInARow < 1) throw new IllegalArgumentException("roughDaysInARow < 1");
      if (silentDays < 1) throw new IllegalArgumentException("silentDays < 1");
    }
  }

  private final MemberStore members;
  private final CheckInStore checkIns;
  private final StepStore stepsGiven;
  private final CommunityStore communities;
  private final Content content;
  private final Options options;
  private final TextReader reader;
  private final Places places;
  private final ExportFormat export;
  private final Clock clock;
  private final RandomGenerator random;
  private volatile Tally tally = Tally.NONE;
  // When each member last got the crisis lines. Kept in memory only: it is not worth storing.
  private final Map<MemberId, Instant> lastCrisisReply = new ConcurrentHashMap<>();

  public Conversation(
      MemberStore members,
      CheckInStore checkIns,
      StepStore stepsGiven,
      CommunityStore communities,
      Content content,
      Options options,
      TextReader reader,
      Places places,
      ExportFormat export,
      Clock clock,
      RandomGenerator random) {
    this.members = requireNonNull(members, "members == null");
    this.checkIns = requireNonNull(checkIns, "checkIns == null");
    this.stepsGiven = requireNonNull(stepsGiven, "stepsGiven == null");
    this.communities = requireNonNull(communities, "communities == null");
    this.content = requireNonNull(content, "content == null");
    this.options = requireNonNull(options, "options == null");
    this.reader = requireNonNull(reader, "reader == null");
    this.places = requireNonNull(places, "places == null");
    this.export = requireNonNull(export, "export == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.random = requireNonNull(random, "random == null");
  }

  /** Counts what happens from now on (answers, crisis replies, reach-outs) in {@code tally}. */
  public Conversation counting(Tally tally) {
    this.tally = requireNonNull(tally, "tally == null");
    return this;
  }

  /** Answers what a member did. Never empty: every message gets an answer. */
  public List<Reply> handle(MemberId member, Incoming incoming) {
    Turn turn = new Turn(member, Optional.empty());
    turn.handle(incoming);
    return turn.finish();
  }

  /**
   * Answers what a member did inside a community, such as a command in a Discord server: the
   * community becomes the member's home, whose meeting they are shown, and a member new to
   * Porchlight starts with its check-in time and zone.
   */
  public List<Reply> handle(MemberId member, Incoming incoming, Community.Place place) {
    Turn turn = new Turn(member, Optional.of(place));
    turn.handle(incoming);
    return turn.finish();
  }

  /** A command members can use, with its short description, for platforms' command menus. */
  public record MenuEntry(String command, String description) {}

  private static final List<Map.Entry<String, Text>> MENU =
      List.of(
          Map.entry("checkin", Text.MENU_CHECKIN),
          Map.entry("step", Text.MENU_STEP),
          Map.entry("group", Text.MENU_GROUP),
          Map.entry("history", Text.MENU_HISTORY),
          Map.entry("time", Text.MENU_TIME),
          Map.entry("timezone", Text.MENU_TIMEZONE),
          Map.entry("days", Text.MENU_DAYS),
          Map.entry("quiet", Text.MENU_QUIET),
          Map.entry("country", Text.MENU_COUNTRY),
          Map.entry("pause", Text.MENU_PAUSE),
          Map.entry("resume", Text.MENU_RESUME),
          Map.entry("mydata", Text.MENU_MYDATA),
          Map.entry("forget", Text.MENU_FORGET),
          Map.entry("help", Text.MENU_HELP),
          Map.entry("about", Text.MENU_ABOUT),
          Map.entry("start", Text.MENU_START));

  /** The members' commands in the order a menu should show them. */
  public List<MenuEntry> menu(String locale) {
    Messages texts = content.messagesFor(locale);
    return MENU.stream().map(e -> new MenuEntry(e.getKey(), texts.get(e.getValue()))).toList();
  }

  /** The texts of a language, for adapters that say something of their own. */
  public Messages texts(String locale) {
    return content.messagesFor(locale);
  }

  /**
   * The crisis reply when {@code text} is crisis language, and nothing otherwise: for places such
   * as group chats, where only a crisis is answered and nothing is recorded.
   */
  public Optional<Reply> crisisCheck(MemberId member, String text) {
    if (reader.read(text) != Reading.CRISIS) return Optional.empty();
    Turn turn = new Turn(member, Optional.empty());
    turn.crisis();
    return turn.finish().stream().findFirst();
  }

  /** The check-in question for one day, with its three answer buttons. */
  public Reply checkInQuestion(Member member, LocalDate date) {
    Messages texts = content.messagesFor(member.locale());
    return Reply.withButtons(texts.any(Text.CHECK_IN_QUESTION, random), answerButtons(texts, date));
  }

  /**
   * What Porchlight says when it starts the conversation itself: the check-in question, the one
   * reminder, or "the light's on" after a long silence. {@code date} is the day a check-in or
   * reminder asks about.
   */
  public Reply prompt(Prompt prompt, Member member, LocalDate date) {
    Messages texts = content.messagesFor(member.locale());
    return switch (prompt) {
      case CHECK_IN -> checkInQuestion(member, date);
      case REMINDER ->
          Reply.withButtons(texts.any(Text.REMINDER, random), answerButtons(texts, date));
      case LIGHTS_ON -> Reply.text(texts.any(Text.LIGHTS_ON, random));
    };
  }

  private static List<Reply.Button> answerButtons(Messages texts, LocalDate date) {
    return List.of(
        new Reply.Button(texts.get(Text.BUTTON_FINE), new Answer(Mood.FINE, date).encode()),
        new Reply.Button(texts.get(Text.BUTTON_ROUGH), new Answer(Mood.ROUGH, date).encode()),
        new Reply.Button(texts.get(Text.BUTTON_SKIP), new Answer(Mood.SKIPPED, date).encode()));
  }

  /** One member's turn: loads them, answers, and saves what changed. */
  private final class Turn {
    private final MemberId id;
    private final Optional<Community.Place> place;
    private final Instant now = clock.instant();
    private final List<Reply> replies = new ArrayList<>();
    private final Messages texts;
    private Member member;
    private boolean stored;
    private boolean changed;
    private boolean forgotten;
    private boolean formInProgress;

    Turn(MemberId id, Optional<Community.Place> place) {
      this.id = id;
      this.place = place;
      Optional<Member> found = members.find(id);
      stored = found.isPresent();
      member = found.orElseGet(() -> Member.arriving(id, content.defaultLocale(), now));
      texts = content.messagesFor(member.locale());
    }

    void handle(Incoming incoming) {
      if (stored) heard();
      Optional<Reading> reading = wordsOf(incoming).map(reader::read);
      if (reading.equals(Optional.of(Reading.CRISIS))) {
        crisis();
        return;
      }
      boolean arriving = !stored;
      if (arriving) say(texts.get(Text.WELCOME));
      boolean startedWithDefaults = arriving && takeCommunityDefaults();
      if (incoming instanceof Command command) {
        command(command);
      } else if (incoming instanceof ButtonPress press) {
        button(press.data());
      } else if (incoming instanceof FreeText text) {
        freeText(text.text(), reading.orElseThrow());
      } else if (incoming instanceof Form form) {
        form(form);
      } else {
        say(texts.get(Text.NO_TEXT));
      }
      if (arriving && !forgotten && !member.isSetUp() && member.awaiting() == Awaiting.NOTHING) {
        askNextSetting();
      } else if (startedWithDefaults && !forgotten && member.isSetUp()) {
        say(
            texts.get(
                Text.COMMUNITY_DEFAULTS,
                "time",
                member.checkInTime().get(),
                "zone",
                zoneName(),
                "next",
                nextCheckIn()));
      }
    }

    /**
     * A member who arrives from a community its hosts set up starts with its check-in time and
     * zone; returns whether there were any.
     */
    private boolean takeCommunityDefaults() {
      Optional<Community> home =
          place.isPresent() ? communities.find(place.get().id()) : communities.homeOf(id);
      Optional<LocalTime> time = home.flatMap(Community::defaultTime);
      Optional<ZoneId> zone = home.flatMap(Community::defaultZone);
      if (time.isEmpty() && zone.isEmpty()) return false;
      Member withDefaults = member;
      if (zone.isPresent()) withDefaults = withDefaults.withZone(zone.get());
      if (time.isPresent() && !withDefaults.quietHours().contains(time.get())) {
        withDefaults = withDefaults.withCheckInTime(time.get());
      }
      update(withDefaults);
      return true;
    }

    /** Notes that the member wrote; a member left resting gets their check-ins back. */
    private void heard() {
      Contact contact = member.contact();
      boolean stale = contact.lastHeardAt().isBefore(now.minus(HEARD_PRECISION));
      if (!stale && !contact.isResting()) return;
      Member heardFrom = member.withContact(contact.heard(now));
      if (contact.isResting()) {
        update(heardFrom);
      } else {
        member = heardFrom;
        changed = true;
      }
    }

    List<Reply> finish() {
      if (changed && !forgotten) members.save(member);
      if (place.isPresent() && (stored || changed) && !forgotten) {
        communities.visited(id, place.get().id(), place.get().name(), now);
      }
      return List.copyOf(replies);
    }

    private Optional<String> wordsOf(Incoming incoming) {
      if (incoming instanceof FreeText text) return Optional.of(text.text());
      if (incoming instanceof Command command && !command.args().isEmpty()) {
        return Optional.of(command.args());
      }
      if (incoming instanceof Form form && !form.fields().isEmpty()) {
        // Whatever box words are written in, crisis language gets the crisis lines.
        return Optional.of(String.join("\n", form.fields().values()));
      }
      return Optional.empty();
    }

    // ---- Commands ----

    private void command(Command command) {
      String args = command.args();
      switch (command.name()) {
        case "start" -> start();
        case "checkin" -> askCheckIn();
        case "step" -> offerStep(todaysMood(), false);
        case "group" -> say(groupText().orElse(texts.get(Text.GROUP_NONE)));
        case "history" -> history();
        case "time" -> time(args);
        case "timezone", "zone", "tz" -> timezone(args);
        case "country" -> country(args);
        case "days" -> days(args);
        case "quiet" -> quiet(args);
        case "pause" -> pause(args);
        case "resume" -> resume();
        case "mydata" -> myData();
        case "forget" -> askToForget();
        case "help" -> say(texts.get(Text.HELP));
        case "about" -> say(texts.get(Text.ABOUT));
        case "setup", "summary", "post" ->
            say(texts.get(Text.HOST_COMMAND, "command", "/" + command.name()));
        default -> say(texts.get(Text.UNKNOWN_COMMAND, "command", "/" + command.name()));
      }
    }

    private void start() {
      if (!stored) return; // The welcome is said and onboarding follows.
      if (member.isSetUp()) {
        say(texts.get(Text.WELCOME_BACK, "time", member.checkInTime().get(), "zone", zoneName()));
      } else {
        askNextSetting();
      }
    }

    private void askCheckIn() {
      LocalDate today = today();
      ensureStored();
      Optional<CheckIn> existing = checkIns.find(id, today);
      if (existing.isEmpty()) checkIns.save(CheckIn.prompted(id, today, now));
      Optional<Mood> answered = existing.flatMap(CheckIn::mood);
      if (answered.isPresent()) {
        replies.add(
            Reply.withButtons(
                texts.get(Text.CHECK_IN_ALREADY, "mood", moodName(answered.get())),
                answerButtons(texts, today)));
      } else {
        replies.add(checkInQuestion(member, today));
      }
    }

    private void time(String args) {
      if (args.isEmpty()) {
        replies.add(Reply.withButtons(texts.get(Text.TIME_MISSING), timeButtons()));
        return;
      }
      Optional<LocalTime> time = TimeInput.parse(args);
      if (time.isEmpty()) {
        say(texts.get(Text.TIME_INVALID, "input", echo(args)));
      } else {
        setTime(time.get());
      }
    }

    private void setTime(LocalTime time) {
      boolean wasSetUp = member.isSetUp();
      if (member.quietHours().contains(time)) {
        // The member's own choice wins over quiet hours they probably never chose.
        QuietHours moved = member.quietHours().makingRoomFor(time);
        say(texts.get(Text.TIME_IN_QUIET_HOURS, "time", time, "quiet", moved));
        member = member.withQuietHours(moved);
      }
      update(member.withCheckInTime(time).withAwaiting(Awaiting.NOTHING));
      if (member.isSetUp() && !wasSetUp) {
        say(allSet());
      } else if (member.isSetUp()) {
        say(texts.get(Text.TIME_SET, "time", time) + "\n" + nextCheckIn());
      } else {
        say(texts.get(Text.TIME_SET, "time", time));
        askNextSetting();
      }
    }

    private void timezone(String args) {
      if (args.isEmpty()) {
        say(texts.get(Text.ZONE_MISSING));
        return;
      }
      zoneFound(args, places.find(args));
    }

    private void zoneFound(String input, Places.Found found) {
      if (found instanceof Places.Found.Zone zone) {
        setZone(zone.zone());
      } else if (found instanceof Places.Found.Several several) {
        List<String> options = several.zones().stream().limit(4).map(ZoneId::getId).toList();
        say(
            texts.get(
                Text.ZONE_SEVERAL,
                "input",
                echo(input),
                "options",
                String.join(", ", options),
                "example",
                options.get(0)));
      } else {
        say(texts.get(Text.ZONE_NOT_FOUND, "input", echo(input)));
      }
    }

    private void setZone(ZoneId zone) {
      boolean wasSetUp = member.isSetUp();
      update(member.withZone(zone).withAwaiting(Awaiting.NOTHING));
      if (member.isSetUp() && !wasSetUp) {
        say(allSet());
        return;
      }
      String set =
          texts.get(
              Text.ZONE_SET,
              "zone",
              zone.getId(),
              "now",
              LocalTime.now(clock.withZone(zone)).withSecond(0).withNano(0));
      if (member.isSetUp()) {
        say(set + "\n" + nextCheckIn());
      } else {
        say(set);
        askNextSetting();
      }
    }

    private void country(String args) {
      String code = args.strip().toUpperCase(Locale.ROOT);
      if (code.isEmpty() || code.equals("AUTO")) {
        update(member.withCountry(Optional.empty()));
        say(texts.get(Text.COUNTRY_FROM_ZONE, "country", countryName(country())));
      } else if (code.length() == 2 && Set.of(Locale.getISOCountries()).contains(code)) {
        update(member.withCountry(Optional.of(code)));
        say(texts.get(Text.COUNTRY_SET, "country", countryName(Optional.of(code))));
      } else {
        say(texts.get(Text.COUNTRY_INVALID, "input", echo(args)));
      }
    }

    private void days(String args) {
      Optional<Set<DayOfWeek>> days = DaysInput.parse(args);
      if (days.isEmpty()) {
        say(texts.get(Text.DAYS_INVALID, "input", echo(args)));
        return;
      }
      update(member.withDays(days.get()));
      String names =
          days.get().stream()
              .sorted()
              .map(d -> d.getDisplayName(TextStyle.SHORT, locale()))
              .collect(Collectors.joining(", "));
      say(texts.get(Text.DAYS_SET, "days", names) + "\n" + nextCheckIn());
    }

    private void quiet(String args) {
      Optional<QuietHours> hours =
          args.strip().equalsIgnoreCase("off")
              ? Optional.of(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
              : QuietHours.parse(args);
      if (hours.isEmpty()) {
        say(texts.get(Text.QUIET_INVALID, "input", echo(args)));
        return;
      }
      if (member.checkInTime().map(hours.get()::contains).orElse(false)) {
        say(
            texts.get(
                Text.QUIET_COVERS_CHECK_IN,
                "quiet",
                hours.get(),
                "time",
                member.checkInTime().get()));
        return;
      }
      update(member.withQuietHours(hours.get()));
      say(texts.get(Text.QUIET_SET, "quiet", hours.get()) + "\n" + nextCheckIn());
    }

    private void pause(String args) {
      if (args.isEmpty()) {
        update(member.withPause(true, Optional.empty()));
        say(texts.get(Text.PAUSED));
        return;
      }
      int days;
      try {
        days = Integer.parseInt(args.strip());
      } catch (NumberFormatException e) {
        days = 0;
      }
      if (days < 1 || days > 365) {
        say(texts.get(Text.PAUSE_INVALID, "input", echo(args)));
        return;
      }
      LocalDate lastPausedDay = today().plusDays(days - 1L);
      update(member.withPause(true, Optional.of(lastPausedDay)));
      say(texts.get(Text.PAUSED_FOR, "days", days, "back", dayName(lastPausedDay.plusDays(1))));
    }

    private void resume() {
      if (!member.isPausedOn(today())) {
        say(texts.get(Text.NOT_PAUSED) + "\n" + nextCheckIn());
        return;
      }
      update(member.withPause(false, Optional.empty()));
      say(texts.get(Text.RESUMED) + "\n" + nextCheckIn());
    }

    private void history() {
      LocalDate today = today();
      List<CheckIn> month = checkIns.between(id, today.withDayOfMonth(1), today);
      List<CheckIn> answered = month.stream().filter(CheckIn::isAnswered).toList();
      if (answered.isEmpty()) {
        say(texts.get(Text.HISTORY_NONE));
        return;
      }
      long fine = answered.stream().filter(c -> c.mood().get() == Mood.FINE).count();
      long rough = answered.stream().filter(c -> c.mood().get() == Mood.ROUGH).count();
      StringBuilder text =
          new StringBuilder(
              texts.get(
                  Text.HISTORY,
                  "month",
                  today.getMonth().getDisplayName(TextStyle.FULL, locale()),
                  "days",
                  answered.size(),
                  "fine",
                  fine,
                  "rough",
                  rough));
      answered.stream()
          .filter(c -> c.date().isAfter(today.minusDays(ANSWERABLE_DAYS)))
          .forEach(
              c ->
                  text.append('\n')
                      .append(
                          texts.get(
                              Text.HISTORY_DAY,
                              "day",
                              dayName(c.date()),
                              "mood",
                              moodName(c.mood().get()))));
      say(text.toString());
    }

    private void myData() {
      if (!stored) {
        say(texts.get(Text.NOTHING_STORED));
        return;
      }
      MemberData data =
          new MemberData(
              member, checkIns.allFor(id), stepsGiven.givenTo(id), communities.visitsOf(id));
      Reply.Document document =
          new Reply.Document(export.fileName(), export.mediaType(), export.write(data));
      replies.add(new Reply(texts.get(Text.MYDATA), List.of(), Optional.of(document)));
    }

    private void askToForget() {
      if (!stored) {
        say(texts.get(Text.NOTHING_STORED));
        return;
      }
      replies.add(
          Reply.withButtons(
              texts.get(Text.FORGET_ASK),
              List.of(
                  new Reply.Button(texts.get(Text.BUTTON_FORGET_YES), new Forget(true).encode()),
                  new Reply.Button(texts.get(Text.BUTTON_FORGET_NO), new Forget(false).encode()))));
    }

    // ---- Buttons ----

    private void button(String data) {
      Optional<Action> action = Action.decode(data);
      if (action.isEmpty()) {
        say(texts.get(Text.STALE_BUTTON));
      } else if (action.get() instanceof Answer answer) {
        answer(answer.mood(), answer.date(), Via.BUTTON);
      } else if (action.get() instanceof PostedAnswer answer) {
        answer(answer.mood(), today(), Via.BUTTON);
      } else if (action.get() instanceof SetTime setTime) {
        setTime(setTime.time());
      } else if (action.get() instanceof AnotherStep) {
        offerStep(todaysMood(), true);
      } else if (action.get() instanceof TryStep) {
        say(texts.any(Text.STEP_TRIED, random));
      } else if (action.get() instanceof Forget forget) {
        forget(forget.confirmed());
      }
    }

    private void forget(boolean confirmed) {
      if (!confirmed) {
        say(texts.get(Text.FORGET_KEPT));
      } else if (!stored) {
        say(texts.get(Text.NOTHING_STORED));
      } else {
        members.forget(id);
        lastCrisisReply.remove(id);
        forgotten = true;
        say(texts.get(Text.FORGET_DONE));
      }
    }

    // ---- Free text ----

    private void freeText(String text, Reading reading) {
      if (member.awaiting() == Awaiting.TIME) {
        Optional<LocalTime> time = TimeInput.parse(text);
        if (time.isPresent()) {
          setTime(time.get());
          return;
        }
      } else if (member.awaiting() == Awaiting.ZONE) {
        Places.Found found = places.find(text);
        if (!(found instanceof Places.Found.Nothing)) {
          zoneFound(text, found);
          return;
        }
      }
      switch (reading) {
        case CRISIS -> crisis();
        case STEP_REQUEST -> offerStep(todaysMood(), false);
        case FINE -> readMood(Mood.FINE);
        case ROUGH -> readMood(Mood.ROUGH);
        case UNCLEAR -> unclear(text);
      }
    }

    private void unclear(String text) {
      if (member.awaiting() == Awaiting.TIME) {
        say(texts.get(Text.TIME_INVALID, "input", echo(text)));
      } else if (member.awaiting() == Awaiting.ZONE) {
        say(texts.get(Text.ZONE_NOT_FOUND, "input", echo(text)));
      } else {
        replies.add(Reply.withButtons(texts.get(Text.READ_UNCLEAR), answerButtons(texts, today())));
      }
    }

    /** Says back what was understood, with a button to put it right, then answers it. */
    private void readMood(Mood mood) {
      LocalDate today = today();
      record(mood, today, Via.TEXT);
      Mood other = mood == Mood.FINE ? Mood.ROUGH : Mood.FINE;
      Text label = mood == Mood.FINE ? Text.BUTTON_ACTUALLY_ROUGH : Text.BUTTON_ACTUALLY_FINE;
      replies.add(
          Reply.withButtons(
              texts.get(mood == Mood.FINE ? Text.READ_FINE : Text.READ_ROUGH),
              List.of(new Reply.Button(texts.get(label), new Answer(other, today).encode()))));
      answerMood(mood, "");
      if (mood == Mood.ROUGH) reachOutAfterRoughRun();
    }

    // ---- Check-in answers ----

    private void answer(Mood mood, LocalDate date, Via via) {
      LocalDate today = today();
      LocalDate day = date.isAfter(today) ? today : date;
      if (day.isBefore(today.minusDays(ANSWERABLE_DAYS - 1L))) {
        replies.add(
            Reply.withButtons(
                texts.get(Text.ANSWER_TOO_OLD, "day", dayName(day)), answerButtons(texts, today)));
        return;
      }
      Optional<Mood> before = record(mood, day, via);
      String prefix = "";
      if (!day.equals(today)) {
        prefix = texts.get(Text.ANSWER_EARLIER_DAY, "day", dayName(day), "mood", moodName(mood));
      } else if (before.isPresent() && before.get() != mood) {
        prefix = texts.get(Text.ANSWER_CHANGED, "mood", moodName(mood));
      }
      answerMood(mood, prefix);
      if (mood == Mood.ROUGH) reachOutAfterRoughRun();
    }

    /** Stores the answer for {@code day}, replacing an earlier one; returns the earlier mood. */
    private Optional<Mood> record(Mood mood, LocalDate day, Via via) {
      ensureStored();
      Optional<CheckIn> existing = checkIns.find(id, day);
      CheckIn checkIn = existing.orElseGet(() -> CheckIn.unasked(id, day));
      checkIns.save(checkIn.answered(mood, via, now));
      tally.answered(id.platform(), mood);
      return existing.flatMap(CheckIn::mood);
    }

    private void answerMood(Mood mood, String prefix) {
      String lead = prefix.isEmpty() ? "" : prefix + "\n\n";
      switch (mood) {
        case FINE -> fine(lead);
        case ROUGH -> rough(lead);
        case SKIPPED -> say(lead + texts.any(Text.SKIP_REPLY, random));
      }
    }

    private void fine(String lead) {
      String text = lead + texts.any(Text.FINE_REPLY, random);
      // Now and then, a fine day is a chance to offer connection to someone else.
      if (random.nextInt(3) == 0) {
        Step step = nextStep(Optional.of(Mood.FINE), false);
        text += "\n\n" + texts.get(Text.FINE_OFFER, "step", stepText(step));
        replies.add(Reply.withButtons(text, List.of(tryButton(step))));
      } else {
        say(text);
      }
    }

    private void rough(String lead) {
      Step step = nextStep(Optional.of(Mood.ROUGH), false);
      StringBuilder text =
          new StringBuilder(lead)
              .append(texts.any(Text.ROUGH_THANKS, random))
              .append("\n\n")
              .append(texts.get(Text.ROUGH_STEP, "step", stepText(step)));
      groupText()
          .ifPresent(
              group -> text.append("\n\n").append(texts.get(Text.ROUGH_MEETING, "meeting", group)));
      replies.add(Reply.withButtons(text.toString(), stepButtons(step)));
    }

    // ---- Reaching out ----

    /**
     * After several rough answers in a row, reaches out once: a gentle word, the group, and a step
     * that involves someone else. Skipped and unanswered days neither count nor break the run; a
     * fine day ends it.
     */
    private void reachOutAfterRoughRun() {
      LocalDate today = today();
      List<CheckIn> answered =
          checkIns.between(id, today.minusDays(ROUGH_RUN_DAYS - 1L), today).stream()
              .filter(c -> c.mood().filter(mood -> mood != Mood.SKIPPED).isPresent())
              .toList();
      int run = 0;
      while (run < answered.size()
          && answered.get(answered.size() - 1 - run).mood().get() == Mood.ROUGH) {
        run++;
      }
      if (run < options.roughDaysInARow()) return;
      LocalDate runStart = answered.get(answered.size() - run).date();
      boolean reachedOutThisRun =
          member.contact().reachedOutOn().filter(on -> !on.isBefore(runStart)).isPresent();
      if (reachedOutThisRun) return;

      Step step = nextStep(Optional.of(Mood.ROUGH), Optional.of(Step.Company.WITH_OTHERS), true);
      StringBuilder text = new StringBuilder(texts.any(Text.OUTREACH, random));
      groupText()
          .ifPresent(
              group ->
                  text.append("\n\n").append(texts.get(Text.OUTREACH_MEETING, "meeting", group)));
      text.append("\n\n").append(texts.get(Text.OUTREACH_STEP, "step", stepText(step)));
      replies.add(Reply.withButtons(text.toString(), stepButtons(step)));
      member = member.withContact(member.contact().reachedOut(today));
      tally.reachedOut(id.platform());
      changed = true;
    }

    // ---- Steps ----

    /** Offers the next step; {@code another} when the member asked for a different one. */
    private void offerStep(Optional<Mood> mood, boolean another) {
      Step step = nextStep(mood, another);
      replies.add(
          Reply.withButtons(texts.get(Text.STEP, "step", stepText(step)), stepButtons(step)));
    }

    private Step nextStep(Optional<Mood> mood, boolean notTheLastOne) {
      return nextStep(mood, Optional.empty(), notTheLastOne);
    }

    private Step nextStep(
        Optional<Mood> mood, Optional<Step.Company> company, boolean notTheLastOne) {
      ensureStored();
      Map<String, Instant> lastSeen = stepsGiven.lastSeen(id);
      Optional<String> last =
          notTheLastOne
              ? lastSeen.entrySet().stream()
                  .max(Map.Entry.comparingByValue())
                  .map(Map.Entry::getKey)
              : Optional.empty();
      Step step = content.steps().next(mood, company, lastSeen, last);
      stepsGiven.record(new StepGiven(id, step.id(), now));
      return step;
    }

    private String stepText(Step step) {
      return step.textFor(texts.get(Text.SOMEONE));
    }

    private List<Reply.Button> stepButtons(Step step) {
      return List.of(
          new Reply.Button(texts.get(Text.BUTTON_ANOTHER_STEP), new AnotherStep().encode()),
          tryButton(step));
    }

    private Reply.Button tryButton(Step step) {
      return new Reply.Button(texts.get(Text.BUTTON_TRY_IT), new TryStep(step.id()).encode());
    }

    // ---- Crisis ----

    private void crisis() {
      tally.crisisReply(id.platform());
      Country country = content.crisisLines().forCountry(country());
      Instant last = lastCrisisReply.put(id, now);
      if (lastCrisisReply.size() > 10_000) {
        lastCrisisReply
            .values()
            .removeIf(at -> at.isBefore(now.minus(options.crisisRepeatWindow())));
      }
      if (last != null && last.isAfter(now.minus(options.crisisRepeatWindow()))) {
        CrisisLines.Line first = country.lines().get(0);
        say(
            texts.get(
                Text.CRISIS_AGAIN,
                "emergency",
                country.emergency(),
                "line",
                first.name(),
                "contact",
                first.contact()));
        return;
      }
      StringBuilder text = new StringBuilder(texts.get(Text.CRISIS)).append("\n");
      for (CrisisLines.Line line : country.lines()) {
        text.append('\n')
            .append(
                texts.get(
                    Text.CRISIS_LINE,
                    "name",
                    line.name(),
                    "contact",
                    line.contact(),
                    "how",
                    line.how(),
                    "url",
                    line.url()));
      }
      text.append("\n\n")
          .append(texts.get(Text.CRISIS_EMERGENCY, "emergency", country.emergency()))
          .append("\n\n")
          .append(texts.get(Text.CRISIS_NOT_EMERGENCY_SERVICE));
      say(text.toString());
    }

    private Optional<String> country() {
      return member.country().or(() -> member.zone().flatMap(places::countryOf));
    }

    // ---- Helpers ----

    private void askNextSetting() {
      if (formInProgress) return; // the form says what is still missing once it is done
      // In a server Porchlight reads no messages: there, settings are given by command.
      boolean byCommand = place.isPresent();
      if (member.checkInTime().isEmpty()) {
        update(member.withAwaiting(Awaiting.TIME));
        replies.add(
            Reply.withButtons(
                texts.get(byCommand ? Text.ASK_TIME_BY_COMMAND : Text.ASK_TIME), timeButtons()));
      } else if (member.zone().isEmpty()) {
        update(member.withAwaiting(Awaiting.ZONE));
        say(texts.get(byCommand ? Text.ASK_ZONE_BY_COMMAND : Text.ASK_ZONE));
      }
    }

    /**
     * A form's settings, each checked as its command, the zone first so the time is read in it;
     * onboarding asks for what is still missing only once all of them are in.
     */
    private void form(Form form) {
      formInProgress = true;
      try {
        for (String name : List.of("timezone", "time", "days", "quiet")) {
          String value = form.fields().getOrDefault(name, "").strip();
          if (!value.isEmpty()) command(new Command(name, value));
        }
      } finally {
        formInProgress = false;
      }
      if (!member.isSetUp()) askNextSetting();
    }

    private String allSet() {
      return texts.get(
          Text.ALL_SET,
          "time",
          member.checkInTime().get(),
          "zone",
          zoneName(),
          "next",
          nextCheckIn());
    }

    private List<Reply.Button> timeButtons() {
      return List.of(
          timeButton(Text.BUTTON_MORNING, options.morning()),
          timeButton(Text.BUTTON_MIDDAY, options.midday()),
          timeButton(Text.BUTTON_EVENING, options.evening()));
    }

    private Reply.Button timeButton(Text label, LocalTime time) {
      return new Reply.Button(texts.get(label, "time", time), new SetTime(time).encode());
    }

    /** Applies a change of settings, and works out the next check-in again. */
    private void update(Member changedMember) {
      member = changedMember.withNextCheckInAt(CheckInSchedule.next(changedMember, now));
      changed = true;
    }

    private void ensureStored() {
      if (!stored) {
        members.save(member);
        stored = true;
      }
    }

    private String nextCheckIn() {
      Optional<Instant> next = member.nextCheckInAt();
      if (next.isEmpty()) return texts.get(Text.NEXT_NONE_YET);
      ZoneId zone = member.zoneOrUtc();
      LocalDate day = LocalDate.ofInstant(next.get(), zone);
      if (stored && checkIns.find(id, day).isPresent()) {
        // That day was asked already (or answered unasked): the sweep won't ask again, so the
        // next question is the day after's.
        next = CheckInSchedule.next(member, day.plusDays(1).atStartOfDay(zone).toInstant());
        if (next.isEmpty()) return texts.get(Text.NEXT_NONE_YET);
      }
      DateTimeFormatter format = DateTimeFormatter.ofPattern(texts.get(Text.WHEN_FORMAT), locale());
      return texts.get(
          Text.NEXT_CHECK_IN, "when", format.format(next.get().atZone(member.zoneOrUtc())));
    }

    private Optional<String> groupText() {
      Optional<Community> community =
          place.isPresent() ? communities.find(place.get().id()) : communities.homeOf(id);
      Group group =
          community.map(Community::group).filter(Group::hasMeeting).orElse(content.group());
      if (!group.hasMeeting()) return Optional.empty();
      return Optional.of(
          group.schedule().isPresent()
              ? texts.get(
                  Text.GROUP,
                  "name",
                  group.name(),
                  "schedule",
                  group.schedule().get(),
                  "url",
                  group.meetingUrl().get())
              : texts.get(
                  Text.GROUP_NO_SCHEDULE, "name", group.name(), "url", group.meetingUrl().get()));
    }

    private Optional<Mood> todaysMood() {
      return checkIns.find(id, today()).flatMap(CheckIn::mood);
    }

    private LocalDate today() {
      return LocalDate.ofInstant(now, member.zoneOrUtc());
    }

    private Locale locale() {
      return Locale.forLanguageTag(texts.locale());
    }

    private String zoneName() {
      return member.zone().map(ZoneId::getId).orElse("UTC");
    }

    private String countryName(Optional<String> code) {
      return code.map(c -> new Locale("", c).getDisplayCountry(locale()))
          .orElse(content.crisisLines().international().name());
    }

    private String dayName(LocalDate day) {
      return DateTimeFormatter.ofPattern(texts.get(Text.DAY_FORMAT), locale()).format(day);
    }

    private String moodName(Mood mood) {
      return texts.get(
          switch (mood) {
            case FINE -> Text.MOOD_FINE;
            case ROUGH -> Text.MOOD_ROUGH;
            case SKIPPED -> Text.MOOD_SKIPPED;
          });
    }

    private void say(String text) {
      replies.add(Reply.text(text));
    }
  }

  // Echoed input is cut short: it is for recognition, not for the record.
  static String echo(String input) {
    String flat = input.strip().replaceAll("\\s+", " ");
    return flat.length() <= ECHO_LIMIT ? flat : flat.substring(0, ECHO_LIMIT) + "…";
  }
}
