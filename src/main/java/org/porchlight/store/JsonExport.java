package org.porchlight.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Community;
import org.porchlight.core.Contact;
import org.porchlight.core.MeetingReminder;
import org.porchlight.core.Member;
import org.porchlight.core.MemberData;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.core.Pod;
import org.porchlight.core.QuietHours;
import org.porchlight.core.ReachOut;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.StepGiven;
import org.porchlight.core.Via;
import org.porchlight.core.port.ExportFormat;

/**
 * The JSON shape of exports: one member's data for /mydata and {@code porchlight export}, and all
 * members for backups and moving from H2 to PostgreSQL. It reads back what it writes.
 */
public final class JsonExport implements ExportFormat {
  static final String FORMAT = "porchlight-export";
  // 2 added pods and safety plans: an older Porchlight refuses the document rather than drop them.
  static final int VERSION = 2;

  private final ObjectMapper json = new ObjectMapper();
  // Pretty, with "key": "value" as people write JSON by hand.
  private final ObjectWriter pretty =
      json.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  @Override
  public String fileName() {
    return "porchlight-mydata.json";
  }

  @Override
  public String mediaType() {
    return "application/json";
  }

  @Override
  public String write(MemberData data) {
    return text(tree(data));
  }

  /** Every member's data, as one document. */
  public String writeAll(List<MemberData> all, Instant exportedAt) {
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("exportedAt", exportedAt.toString());
    ArrayNode members = root.putArray("members");
    all.forEach(data -> members.add(tree(data)));
    return text(root);
  }

  /** One member of a document: read, or the reason it could not be, and where it stands. */
  public sealed interface Entry {
    /** Where in the document: {@code members[2]}, or {@code document} for a single member. */
    String where();

    /** A member read whole. */
    record Read(String where, MemberData data) implements Entry {}

    /** A member that could not be read, and why. */
    record Unreadable(String where, String problem) implements Entry {}
  }

  /**
   * Reads a document written by {@link #write} or {@link #writeAll}.
   *
   * @throws IllegalArgumentException naming the first member that could not be read
   */
  public List<MemberData> read(String document) {
    List<MemberData> result = new ArrayList<>();
    for (Entry entry : readEach(document)) {
      if (entry instanceof Entry.Unreadable bad) {
        throw new IllegalArgumentException(bad.where() + ": " + bad.problem());
      }
      result.add(((Entry.Read) entry).data());
    }
    return result;
  }

  /**
   * Reads each member of a document on its own, so one that cannot be read leaves the others
   * readable.
   *
   * @throws IllegalArgumentException when the document as a whole cannot be read
   */
  public List<Entry> readEach(String document) {
    JsonNode root;
    try {
      root = json.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON, at " + JsonProblem.of(e), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    if (!root.has("members")) {
      return List.of(entry(root, "document"));
    }
    if (root.path("version").asInt(VERSION) > VERSION) {
      throw new IllegalArgumentException(
          "written by a newer Porchlight (version " + root.path("version").asInt() + ")");
    }
    List<Entry> result = new ArrayList<>();
    int index = 0;
    for (JsonNode member : root.get("members")) {
      result.add(entry(member, "members[" + index++ + "]"));
    }
    return result;
  }

  private static Entry entry(JsonNode member, String where) {
    try {
      return new Entry.Read(where, memberData(member));
    } catch (RuntimeException e) {
      return new Entry.Unreadable(where, String.valueOf(e.getMessage()));
    }
  }

  private ObjectNode tree(MemberData data) {
    Member m = data.member();
    ObjectNode root = json.createObjectNode();
    ObjectNode member = root.putObject("member");
    member.put("platform", m.id().platform());
    member.put("userId", m.id().userId());
    member.put("locale", m.locale());
    member.put("checkInTime", m.checkInTime().map(LocalTime::toString).orElse(null));
    member.put("timeZone", m.zone().map(ZoneId::getId).orElse(null));
    member.put("country", m.country().orElse(null));
    ArrayNode days = member.putArray("days");
    m.days().stream().sorted().forEach(day -> days.add(day.name().toLowerCase()));
    member.put("quietHours", m.quietHours().toString());
    member.put("paused", m.paused());
    member.put("pausedUntil", m.pausedUntil().map(LocalDate::toString).orElse(null));
    member.put("joinedAt", m.joinedAt().toString());
    member.put("nextCheckInAt", m.nextCheckInAt().map(Instant::toString).orElse(null));
    member.put("lastHeardAt", m.contact().lastHeardAt().toString());
    member.put("reachedOutOn", m.contact().reachedOutOn().map(LocalDate::toString).orElse(null));
    member.put("lightsOnAt", m.contact().lightsOnAt().map(Instant::toString).orElse(null));
    ArrayNode checkIns = root.putArray("checkIns");
    for (CheckIn c : data.checkIns()) {
      ObjectNode checkIn = checkIns.addObject();
      checkIn.put("date", c.date().toString());
      checkIn.put("mood", c.mood().map(Mood::key).orElse(null));
      checkIn.put("promptedAt", c.promptedAt().map(Instant::toString).orElse(null));
      checkIn.put("answeredAt", c.answeredAt().map(Instant::toString).orElse(null));
      checkIn.put("via", c.via().map(Via::key).orElse(null));
      checkIn.put("remindedAt", c.remindedAt().map(Instant::toString).orElse(null));
    }
    ArrayNode steps = root.putArray("stepsGiven");
    for (StepGiven s : data.stepsGiven()) {
      ObjectNode step = steps.addObject();
      step.put("step", s.stepId());
      step.put("givenAt", s.givenAt().toString());
    }
    ArrayNode communities = root.putArray("communities");
    for (Community.Visit v : data.communities()) {
      ObjectNode visit = communities.addObject();
      visit.put("platform", v.id().platform());
      visit.put("id", v.id().placeId());
      visit.put("name", v.name());
      visit.put("lastSeenAt", v.lastSeenAt().toString());
    }
    ArrayNode pod = root.putArray("pod");
    for (Pod.Entry e : data.pod().entries()) {
      ObjectNode entry = pod.addObject();
      entry.put("ring", e.ring().key());
      entry.put("name", e.name());
    }
    ObjectNode plan = root.putObject("plan");
    data.plan().answers().forEach((section, answer) -> plan.put(section.key(), answer));
    ObjectNode reachOut = root.putObject("reachOut");
    reachOut.put("weekly", data.reachOut().weekly());
    reachOut.put("day", data.reachOut().day().map(DayOfWeek::name).orElse(null));
    reachOut.put("followUps", data.reachOut().followUps());
    ArrayNode answers = root.putArray("reachOutAnswers");
    for (ReachOut.Answered a : data.reachOutAnswers()) {
      answers.addObject().put("date", a.date().toString()).put("answer", a.answer().key());
    }
    MeetingReminder reminder = data.meetingReminder();
    ObjectNode meetingReminders = root.putObject("meetingReminders");
    meetingReminders
        .put("on", reminder.on())
        .put("minutesBefore", reminder.before().toMinutes())
        .put("inQuietHours", reminder.inQuietHours())
        .put("offered", reminder.offered());
    // Shown, never read back: they were sent.
    ArrayNode sent = meetingReminders.putArray("sent");
    for (MeetingReminder.Sent s : data.meetingRemindersSent()) {
      sent.addObject()
          .put("platform", s.community().platform())
          .put("community", s.community().placeId())
          .put("meetingAt", s.meetingAt().toString())
          .put("sentAt", s.sentAt().toString());
    }
    // Shown, never read back: a link is made by both people, by invitation.
    data.buddy()
        .ifPresent(
            b ->
                root.putObject("buddy")
                    .put("yourNameForThem", b.name())
                    .put("since", b.since().toString())
                    .put("toldAfterRoughRuns", b.afterRoughRun()));
    data.buddyTo()
        .ifPresent(
            b ->
                root.putObject("buddyTo")
                    .put("theirName", b.name())
                    .put("since", b.since().toString()));
    return root;
  }

  private static MemberData memberData(JsonNode root) {
    JsonNode m = root.required("member");
    MemberId id = new MemberId(m.required("platform").asText(), m.required("userId").asText());
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    m.path("days").forEach(day -> days.add(DayOfWeek.valueOf(day.asText().toUpperCase())));
    Instant joinedAt = Instant.parse(m.required("joinedAt").asText());
    Member member =
        new Member(
            id,
            m.path("locale").asText("en"),
            text(m, "checkInTime").map(LocalTime::parse),
            text(m, "timeZone").map(ZoneId::of),
            text(m, "country"),
            days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days,
            text(m, "quietHours").flatMap(QuietHours::parse).orElse(QuietHours.DEFAULT),
            m.path("paused").asBoolean(false),
            text(m, "pausedUntil").map(LocalDate::parse),
            Member.Awaiting.NOTHING,
            joinedAt,
            text(m, "nextCheckInAt").map(Instant::parse),
            new Contact(
                text(m, "lastHeardAt").map(Instant::parse).orElse(joinedAt),
                text(m, "reachedOutOn").map(LocalDate::parse),
                text(m, "lightsOnAt").map(Instant::parse)));
    List<CheckIn> checkIns = new ArrayList<>();
    for (JsonNode c : root.path("checkIns")) {
      checkIns.add(
          new CheckIn(
              id,
              LocalDate.parse(c.required("date").asText()),
              text(c, "promptedAt").map(Instant::parse),
              text(c, "answeredAt").map(Instant::parse),
              text(c, "mood").map(Mood::fromKey),
              text(c, "via").map(Via::fromKey),
              text(c, "remindedAt").map(Instant::parse)));
    }
    List<StepGiven> steps = new ArrayList<>();
    for (JsonNode s : root.path("stepsGiven")) {
      steps.add(
          new StepGiven(
              id, s.required("step").asText(), Instant.parse(s.required("givenAt").asText())));
    }
    List<Community.Visit> communities = new ArrayList<>();
    for (JsonNode v : root.path("communities")) {
      communities.add(
          new Community.Visit(
              new Community.Id(v.required("platform").asText(), v.required("id").asText()),
              v.path("name").asText(""),
              Instant.parse(v.required("lastSeenAt").asText())));
    }
    List<Pod.Entry> pod = new ArrayList<>();
    for (JsonNode e : root.path("pod")) {
      String ring = e.required("ring").asText();
      pod.add(
          new Pod.Entry(
              Pod.Ring.fromKey(ring)
                  .orElseThrow(() -> new IllegalArgumentException("no pod ring '" + ring + "'")),
              e.required("name").asText()));
    }
    Map<SafetyPlan.Section, String> plan = new EnumMap<>(SafetyPlan.Section.class);
    Iterator<Map.Entry<String, JsonNode>> answers = root.path("plan").fields();
    while (answers.hasNext()) {
      Map.Entry<String, JsonNode> answer = answers.next();
      SafetyPlan.Section section =
          SafetyPlan.Section.fromKey(answer.getKey())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no safety plan section '" + answer.getKey() + "'"));
      plan.put(section, answer.getValue().asText());
    }
    JsonNode weekly = root.path("reachOut");
    ReachOut reachOut = ReachOut.DEFAULT;
    if (weekly.isObject()) {
      reachOut =
          reachOut
              .withWeekly(weekly.path("weekly").asBoolean(true))
              .withFollowUps(weekly.path("followUps").asBoolean(true));
      if (weekly.hasNonNull("day")) {
        reachOut = reachOut.withDay(DayOfWeek.valueOf(weekly.path("day").asText()));
      }
    }
    List<ReachOut.Answered> answered = new ArrayList<>();
    for (JsonNode a : root.path("reachOutAnswers")) {
      String key = a.path("answer").asText();
      answered.add(
          new ReachOut.Answered(
              LocalDate.parse(a.path("date").asText()),
              ReachOut.Answer.fromKey(key)
                  .orElseThrow(
                      () -> new IllegalArgumentException("no reach-out answer '" + key + "'"))));
    }
    JsonNode reminders = root.path("meetingReminders");
    MeetingReminder meetingReminder = MeetingReminder.DEFAULT;
    if (reminders.isObject()) {
      Duration before = Duration.ofMinutes(reminders.path("minutesBefore").asLong(60));
      meetingReminder =
          new MeetingReminder(
              reminders.path("on").asBoolean(false),
              MeetingReminder.allowed(before) ? before : MeetingReminder.DEFAULT.before(),
              reminders.path("inQuietHours").asBoolean(false),
              reminders.path("offered").asBoolean(false));
    }
    return new MemberData(
        member,
        checkIns,
        steps,
        communities,
        new Pod(pod),
        new SafetyPlan(plan),
        reachOut,
        answered,
        Optional.empty(),
        Optional.empty(),
        meetingReminder,
        List.of());
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private String text(JsonNode tree) {
    try {
      return pretty.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
