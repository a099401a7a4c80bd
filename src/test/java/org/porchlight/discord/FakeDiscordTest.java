package org.porchlight.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.FileUpload;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.porchlight.discord.FakeDiscord.Call;
import org.porchlight.discord.FakeDiscord.Callback;
import org.porchlight.discord.FakeDiscord.Where;

/** Proves the fake speaks Discord well enough for a real JDA 6.5 to log in and interact. */
class FakeDiscordTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHECK_IN = FakeDiscord.CHECK_IN_CHANNEL_ID;

  private final FakeDiscord fake = FakeDiscord.start();
  private final Recorder recorder = new Recorder();
  // JDA's REST workers, ours so the test can wait for them: shutdownNow() interrupts a worker
  // still reading an answer, and JDA logs that as an ERROR.
  private final ThreadPoolExecutor restWorkers =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          10,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, "jda-rest-test");
            thread.setDaemon(true);
            return thread;
          });
  private JDA jda;

  @AfterEach
  void stop() throws InterruptedException {
    try {
      if (jda != null) {
        await().atMost(WAIT).until(() -> restWorkers.getActiveCount() == 0);
        jda.shutdownNow();
        assertThat(jda.awaitShutdown(WAIT)).isTrue();
      }
    } finally {
      restWorkers.shutdownNow();
      fake.close();
    }
  }

  // ---- login and the gateway -----------------------------------------------------------------

  @Test
  void jdaLogsInAndLoadsTheGuild() throws InterruptedException {
    connect();

    assertThat(jda.getSelfUser().getId()).isEqualTo(fake.botId());
    assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(fake.applicationId());
    Guild guild = jda.getGuildById(FakeDiscord.GUILD_ID);
    assertThat(guild).isNotNull();
    TextChannel checkIns = guild.getTextChannelById(CHECK_IN);
    assertThat(checkIns).isNotNull();
    assertThat(checkIns.canTalk()).isTrue();
    assertThat(fake.identifies()).isEqualTo(1);
    // JDA 6 has no GUILDS constant: it always adds that intent (bit 0) itself.
    assertThat(fake.identifyIntents())
        .isEqualTo(1 | GatewayIntent.getRaw(GatewayIntent.DIRECT_MESSAGES));
    assertThat(fake.gatewayConnections()).containsExactly("/?encoding=json&v=10");
    assertThat(fake.calls()).anyMatch(call -> call.is("GET", "users/@me") && call.status() == 200);
    assertThat(fake.unknownCalls()).isEmpty();
  }

  @Test
  void heartbeatsCarryTheLastSequenceAndAreAcknowledged() throws InterruptedException {
    connect();

    await().atMost(WAIT).until(() -> fake.heartbeatsAcked() >= 2);

    List<JsonNode> heartbeats =
        fake.gatewayPayloads().stream().filter(p -> p.path("op").asInt() == 1).toList();
    // READY is 1, GUILD_CREATE 2.
    assertThat(heartbeats.get(heartbeats.size() - 1).path("d").asInt()).isEqualTo(2);
    assertThat(jda.getGatewayPing()).isNotNegative();
  }

  @Test
  void wrongTokenIsRefusedAtLogin() {
    assertThatThrownBy(
            () ->
                builder(
                        "bm90LXRoZS10b2tlbg.GfAkEd.wrong",
                        EnumSet.of(GatewayIntent.DIRECT_MESSAGES))
                    .build())
        .isInstanceOf(InvalidTokenException.class);

    assertThat(fake.calls()).anyMatch(call -> call.is("GET", "users/@me") && call.status() == 401);
    assertThat(fake.identifies()).isZero();
  }

  // ---- REST ----------------------------------------------------------------------------------

  @Test
  void commandsRegisterGloballyAndInTheGuild() throws InterruptedException {
    connect();

    List<Command> global =
        jda.updateCommands()
            .addCommands(
                Commands.slash("checkin", "Check in now"),
                Commands.slash("settings", "Your check-in settings"))
            .complete();
    List<Command> inGuild =
        jda.getGuildById(FakeDiscord.GUILD_ID)
            .updateCommands()
            .addCommands(
                Commands.slash("setup", "Set up check-ins here")
                    .setDefaultPermissions(
                        DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER)))
            .complete();

    assertThat(global).extracting(Command::getName).containsExactly("checkin", "settings");
    assertThat(global).allSatisfy(command -> assertThat(command.getIdLong()).isPositive());
    assertThat(fake.globalCommands())
        .extracting(c -> c.path("name").asText())
        .containsExactly("checkin", "settings");
    assertThat(inGuild.get(0).getDefaultPermissions().getPermissionsRaw())
        .isEqualTo(Permission.MANAGE_SERVER.getRawValue());
    assertThat(fake.guildCommands(FakeDiscord.GUILD_ID))
        .singleElement()
        .satisfies(c -> assertThat(c.path("guild_id").asText()).isEqualTo(FakeDiscord.GUILD_ID));
  }

  @Test
  void directMessageReachesTheUsersDmChannel() throws InterruptedException {
    connect();
    String alex = fake.newUser("Alex");

    Message sent =
        jda.openPrivateChannelById(alex).flatMap(channel -> channel.sendMessage("hi")).complete();

    assertThat(sent.getContentRaw()).isEqualTo("hi");
    assertThat(sent.getChannel().getId()).isEqualTo(fake.dmChannelOf(alex));
    assertThat(fake.messagesIn(fake.dmChannelOf(alex)))
        .singleElement()
        .satisfies(message -> assertThat(message.path("content").asText()).isEqualTo("hi"));
  }

  @Test
  void closedDmsFailWithCannotSendToUser() throws InterruptedException {
    connect();
    String alex = fake.newUser("Alex");
    fake.closeDms(alex);

    assertThatThrownBy(
            () ->
                jda.openPrivateChannelById(alex)
                    .flatMap(channel -> channel.sendMessage("hi"))
                    .complete())
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.CANNOT_SEND_TO_USER));
    assertThat(fake.messagesIn(fake.dmChannelOf(alex))).isEmpty();
  }

  @Test
  void rateLimitedMessageIsSentOnceAfterRetryAfter() throws InterruptedException {
    connect();
    fake.tooManyRequests(1, Duration.ofSeconds(1));

    jda.getTextChannelById(CHECK_IN).sendMessage("How was today?").complete();

    List<Call> posts =
        fake.calls().stream().filter(call -> call.is("POST", "channels/\\d+/messages")).toList();
    assertThat(posts).extracting(Call::status).containsExactly(429, 200);
    assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(fake.rateLimited()).isEqualTo(1);
    assertThat(fake.messagesIn(CHECK_IN)).hasSize(1);
  }

  @Test
  void unknownRouteAnswersDiscordsNotFound() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(fake.apiUrl() + "gateway/bot"))
                    .header("Authorization", "Bot " + fake.token())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("404: Not Found");
    assertThat(fake.unknownCalls()).extracting(Call::path).containsExactly("gateway/bot");
  }

  // ---- interactions --------------------------------------------------------------------------

  @Test
  void slashCommandInDmsGetsAnEphemeralReply() throws InterruptedException {
    connect();
    recorder.answer =
        event -> {
          if (event instanceof SlashCommandInteractionEvent slash) {
            slash.reply("x").setEphemeral(true).queue();
          }
        };
    String alex = fake.newUser("Alex");

    String id = fake.slashCommand(alex, Where.dm(), "checkin", Map.of());

    SlashCommandInteractionEvent event = recorder.await(id, SlashCommandInteractionEvent.class);
    assertThat(event.isFromGuild()).isFalse();
    assertThat(event.getChannelType()).isEqualTo(ChannelType.PRIVATE);
    assertThat(event.getUser().getId()).isEqualTo(alex);
    Callback reply = fake.awaitCallback(id, WAIT);
    assertThat(reply.type()).isEqualTo(4);
    assertThat(reply.data().path("content").asText()).isEqualTo("x");
    assertThat(reply.data().path("flags").asInt()).isEqualTo(64);
    // The fake keeps the callback while answering and the call once answered: wait for both.
    fake.awaitCall(
        call ->
            call.is("POST", "interactions/" + id + "/[^/]+/callback")
                && call.query().equals("with_response=true")
                && call.status() == 200,
        WAIT);
  }

  @Test
  void slashCommandInTheGuildCarriesItsOptions() throws InterruptedException {
    connect();
    jda.getGuildById(FakeDiscord.GUILD_ID)
        .updateCommands()
        .addCommands(
            Commands.slash("setup", "Set up check-ins here")
                .addOption(OptionType.CHANNEL, "channel", "Where check-ins go", true)
                .addOption(OptionType.STRING, "time", "When", true)
                .addOption(OptionType.INTEGER, "days", "How often", true))
        .complete();
    recorder.answer = replyEphemerally("Set up");

    String id =
        fake.slashCommand(
            fake.hostUserId(),
            Where.channel(CHECK_IN),
            "setup",
            Map.of("channel", CHECK_IN, "time", "09:30", "days", 3));

    SlashCommandInteractionEvent event = recorder.await(id, SlashCommandInteractionEvent.class);
    assertThat(event.isFromGuild()).isTrue();
    assertThat(event.getChannel().getId()).isEqualTo(CHECK_IN);
    assertThat(event.getOption("channel").getAsChannel().getId()).isEqualTo(CHECK_IN);
    assertThat(event.getOption("time").getAsString()).isEqualTo("09:30");
    assertThat(event.getOption("days").getAsInt()).isEqualTo(3);
    assertThat(fake.awaitCallback(id, WAIT).data().path("flags").asInt()).isEqualTo(64);
  }

  @Test
  void hostHasManageServerAndMemberDoesNot() throws InterruptedException {
    connect();
    recorder.answer = replyEphemerally("ok");

    String byHost =
        fake.slashCommand(fake.hostUserId(), Where.channel(CHECK_IN), "setup", Map.of());
    String byMember =
        fake.slashCommand(fake.memberUserId(), Where.channel(CHECK_IN), "setup", Map.of());

    assertThat(
            recorder
                .await(byHost, SlashCommandInteractionEvent.class)
                .getMember()
                .hasPermission(Permission.MANAGE_SERVER))
        .isTrue();
    assertThat(
            recorder
                .await(byMember, SlashCommandInteractionEvent.class)
                .getMember()
                .hasPermission(Permission.MANAGE_SERVER))
        .isFalse();
    fake.awaitCallback(byHost, WAIT);
    fake.awaitCallback(byMember, WAIT);
  }

  @Test
  void buttonPressCarriesTheBotsMessage() throws InterruptedException {
    connect();
    Message prompt =
        jda.getTextChannelById(CHECK_IN)
            .sendMessage("How are you today?")
            .addComponents(
                ActionRow.of(
                    Button.primary("mood:fine", "Honestly fine"),
                    Button.secondary("mood:rough", "Rough day")))
            .complete();
    recorder.answer = replyEphemerally("Thanks for telling us");

    String id =
        fake.buttonPress(
            fake.memberUserId(), Where.channel(CHECK_IN), prompt.getId(), "mood:rough");

    ButtonInteractionEvent event = recorder.await(id, ButtonInteractionEvent.class);
    assertThat(event.getComponentId()).isEqualTo("mood:rough");
    assertThat(event.getMessage().getContentRaw()).isEqualTo("How are you today?");
    assertThat(event.getButton().getLabel()).isEqualTo("Rough day");
    assertThat(fake.awaitCallback(id, WAIT).type()).isEqualTo(4);
    assertThat(fake.lastResponse(id).path("content").asText()).isEqualTo("Thanks for telling us");
  }

  @Test
  void modalSubmitIsReadBackAfterTheBotOpenedIt() throws InterruptedException {
    connect();
    recorder.answer =
        event -> {
          if (event instanceof SlashCommandInteractionEvent slash) {
            slash
                .replyModal(
                    Modal.create("settings", "Check-in settings")
                        .addComponents(
                            Label.of(
                                "Check-in time",
                                TextInput.create("time", TextInputStyle.SHORT).build()))
                        .build())
                .queue();
          } else if (event instanceof ModalInteractionEvent modal) {
            modal.reply("Saved " + modal.getValue("time").getAsString()).setEphemeral(true).queue();
          }
        };
    String alex = fake.newUser("Alex");

    String opened = fake.slashCommand(alex, Where.dm(), "settings", Map.of());
    Callback modal = fake.awaitCallback(opened, WAIT);
    String submitted = fake.modalSubmit(alex, Where.dm(), "settings", Map.of("time", "09:30"));

    assertThat(modal.type()).isEqualTo(9);
    assertThat(modal.data().path("components").get(0).path("type").asInt()).isEqualTo(18);
    ModalInteractionEvent event = recorder.await(submitted, ModalInteractionEvent.class);
    assertThat(event.getModalId()).isEqualTo("settings");
    assertThat(event.getValue("time").getAsString()).isEqualTo("09:30");
    fake.awaitCallback(submitted, WAIT);
    assertThat(fake.lastResponse(submitted).path("content").asText()).isEqualTo("Saved 09:30");
  }

  @Test
  void deferredReplyIsFinishedThroughTheHookAndFollowedUp() throws InterruptedException {
    connect();
    recorder.answer =
        event -> {
          if (event instanceof SlashCommandInteractionEvent slash) {
            // Hook requests on different routes may overtake each other: chained, they don't.
            slash
                .deferReply(true)
                .flatMap(hook -> hook.editOriginal("Your data is on its way"))
                .flatMap(edited -> slash.getHook().sendMessage("Here it is").setEphemeral(true))
                .queue();
          }
        };
    String alex = fake.newUser("Alex");

    String id = fake.slashCommand(alex, Where.dm(), "mydata", Map.of());

    fake.awaitCall(call -> call.is("POST", "webhooks/" + fake.applicationId() + "/[^/]+"), WAIT);
    assertThat(fake.callbacks(id))
        .singleElement()
        .satisfies(
            deferred -> {
              assertThat(deferred.type()).isEqualTo(5);
              assertThat(deferred.data().path("flags").asInt()).isEqualTo(64);
            });
    Call edit = fake.awaitCall(call -> call.is("PATCH", "webhooks/.+/messages/@original"), WAIT);
    assertThat(edit.body().path("content").asText()).isEqualTo("Your data is on its way");
    assertThat(fake.lastResponse(id).path("content").asText()).isEqualTo("Here it is");
    assertThat(fake.messagesIn(fake.dmChannelOf(alex))).isEmpty();
  }

  @Test
  void buttonCanUpdateTheMessageItSitsOn() throws InterruptedException {
    connect();
    String alex = fake.newUser("Alex");
    Message prompt =
        jda.openPrivateChannelById(alex)
            .flatMap(
                channel ->
                    channel
                        .sendMessage("How are you today?")
                        .addComponents(ActionRow.of(Button.primary("mood:fine", "Honestly fine"))))
            .complete();
    recorder.answer =
        event -> {
          if (event instanceof ButtonInteractionEvent button) {
            button.editMessage("Thanks, noted.").setComponents().queue();
          }
        };

    String id = fake.buttonPress(alex, Where.dm(), prompt.getId(), "mood:fine");

    assertThat(fake.awaitCallback(id, WAIT).type()).isEqualTo(7);
    assertThat(fake.messagesIn(fake.dmChannelOf(alex)))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.path("content").asText()).isEqualTo("Thanks, noted.");
              assertThat(message.path("components")).isEmpty();
            });
  }

  @Test
  void botEditsAndDeletesItsMessages() throws InterruptedException {
    connect();
    TextChannel channel = jda.getTextChannelById(CHECK_IN);
    Message first = channel.sendMessage("Check-in at 9").complete();
    Message second = channel.sendMessage("Check-in at 10").complete();

    Message edited = first.editMessage("Check-in at 9:30").complete();
    second.delete().complete();

    assertThat(edited.isEdited()).isTrue();
    assertThat(fake.messagesIn(CHECK_IN))
        .singleElement()
        .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("Check-in at 9:30"));
  }

  @Test
  void fileIsSentAsMultipartWithItsPayload() throws InterruptedException {
    connect();
    String alex = fake.newUser("Alex");
    byte[] export = "{\"checkIns\":[]}".getBytes(StandardCharsets.UTF_8);

    Message sent =
        jda.openPrivateChannelById(alex)
            .flatMap(
                channel ->
                    channel
                        .sendMessage("Your data")
                        .addFiles(FileUpload.fromData(export, "porchlight-data.json")))
            .complete();

    assertThat(sent.getAttachments())
        .singleElement()
        .satisfies(file -> assertThat(file.getFileName()).isEqualTo("porchlight-data.json"));
    Call post = fake.awaitCall(call -> call.is("POST", "channels/\\d+/messages"), WAIT);
    assertThat(post.body().path("content").asText()).isEqualTo("Your data");
    assertThat(post.body().path("files").get(0).path("size").asInt()).isEqualTo(export.length);
  }

  // ---- reconnecting --------------------------------------------------------------------------

  @Test
  void reconnectRequestResumesAndDeliversTheMissedInteractionOnce() throws InterruptedException {
    connect();
    String alex = fake.newUser("Alex");

    fake.requestReconnect();
    String missed = fake.slashCommand(alex, Where.dm(), "checkin", Map.of());

    recorder.await(missed, SlashCommandInteractionEvent.class);
    assertDeliveredOnceAfterResume(alex, missed);
  }

  @Test
  void droppedConnectionResumesAndDeliversTheMissedInteractionOnce() throws InterruptedException {
    connect();
    String alex = fake.newUser("Alex");

    fake.dropConnection();
    String missed = fake.slashCommand(alex, Where.dm(), "checkin", Map.of());

    recorder.await(missed, SlashCommandInteractionEvent.class);
    assertDeliveredOnceAfterResume(alex, missed);
  }

  private void assertDeliveredOnceAfterResume(String user, String missed) {
    // Dispatches arrive in order: once a later one is in, a replayed duplicate would be too.
    String later = fake.slashCommand(user, Where.dm(), "checkin", Map.of());
    recorder.await(later, SlashCommandInteractionEvent.class);
    assertThat(recorder.count(missed)).isEqualTo(1);
    assertThat(fake.resumes()).isEqualTo(1);
    assertThat(fake.identifies()).isEqualTo(1);
    assertThat(fake.gatewayConnections()).hasSize(2);
    await().atMost(WAIT).until(() -> recorder.resumed > 0);
  }

  // ---- the gateway's own protocol, seen by another client ------------------------------------

  @Test
  void gatewayAnswersBadIdentifiesAndResumesWithDiscordsCodes() throws Exception {
    RawClient first = RawClient.open(fake.gatewayUrl() + "?encoding=json&v=10");
    assertThat(first.next().path("d").path("heartbeat_interval").asLong()).isEqualTo(1000);
    first.socket.sendText("{\"op\":2,\"d\":{\"token\":\"wrong\",\"intents\":513}}", true);
    assertThat(first.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4004);

    RawClient greedy = RawClient.open(fake.gatewayUrl() + "?encoding=json&v=10");
    greedy.next(); // HELLO
    // GUILDS and GUILD_MEMBERS: a privileged intent this application was not granted.
    greedy.socket.sendText(
        "{\"op\":2,\"d\":{\"token\":\"" + fake.token() + "\",\"intents\":3}}", true);
    assertThat(greedy.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4014);

    RawClient second = RawClient.open(fake.gatewayUrl() + "?encoding=json&v=10");
    second.next(); // HELLO
    second.socket.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3})).join();
    assertThat(second.pong.get(5, TimeUnit.SECONDS).remaining()).isEqualTo(3);
    // A fragmented RESUME: a text frame and a continuation.
    String resume =
        "{\"op\":6,\"d\":{\"token\":\"" + fake.token() + "\",\"session_id\":\"nope\",\"seq\":1}}";
    second.socket.sendText(resume.substring(0, 20), false).join();
    second.socket.sendText(resume.substring(20), true).join();
    JsonNode invalid = second.next();
    assertThat(invalid.path("op").asInt()).isEqualTo(9);
    assertThat(invalid.path("d").asBoolean(true)).isFalse();
    second.socket.sendClose(1000, "bye").join();
    assertThat(second.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
  }

  @Test
  void closeStopsItsThreadsAndFreesItsPorts() throws Exception {
    Set<Thread> before = fakeThreads();
    FakeDiscord other = FakeDiscord.start();
    int restPort = URI.create(other.apiUrl()).getPort();
    int gatewayPort = URI.create(other.gatewayUrl()).getPort();
    RawClient client = RawClient.open(other.gatewayUrl() + "?encoding=json&v=10");
    client.next(); // HELLO: a reader thread is running

    other.close();

    assertThat(fakeThreads()).isSubsetOf(before);
    for (int port : List.of(restPort, gatewayPort)) {
      try (ServerSocket again = new ServerSocket()) {
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      }
    }
  }

  private static Set<Thread> fakeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("fake-discord") && thread.isAlive())
        .collect(Collectors.toSet());
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void connect() throws InterruptedException {
    jda = builder(fake.token(), EnumSet.of(GatewayIntent.DIRECT_MESSAGES)).build().awaitReady();
    fake.awaitReady(WAIT);
  }

  private JDABuilder builder(String token, EnumSet<GatewayIntent> intents) {
    return JDABuilder.createLight(token, intents)
        .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
        .setSessionController(
            new ConcurrentSessionController() {
              @Override
              public String getGateway() {
                return fake.gatewayUrl();
              }
            })
        .setCompression(Compression.NONE)
        .setRateLimitElastic(restWorkers, false)
        .addEventListeners(recorder);
  }

  private static Consumer<GenericInteractionCreateEvent> replyEphemerally(String text) {
    return event -> {
      if (event instanceof SlashCommandInteractionEvent slash) {
        slash.reply(text).setEphemeral(true).queue();
      } else if (event instanceof ButtonInteractionEvent button) {
        button.reply(text).setEphemeral(true).queue();
      }
    };
  }

  /** Keeps every interaction JDA delivers and answers it as the test says. */
  private static final class Recorder extends ListenerAdapter {
    final List<GenericInteractionCreateEvent> events = new CopyOnWriteArrayList<>();
    volatile Consumer<GenericInteractionCreateEvent> answer = event -> {};
    volatile int resumed;

    @Override
    public void onGenericInteractionCreate(GenericInteractionCreateEvent event) {
      events.add(event);
      answer.accept(event);
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
      resumed++;
    }

    <T extends GenericInteractionCreateEvent> T await(String interactionId, Class<T> type) {
      GenericInteractionCreateEvent event =
          Awaitility.await()
              .atMost(WAIT)
              .pollInterval(Duration.ofMillis(5))
              .until(() -> find(interactionId), Optional::isPresent)
              .orElseThrow();
      assertThat(event).isInstanceOf(type);
      return type.cast(event);
    }

    long count(String interactionId) {
      return events.stream().filter(event -> event.getId().equals(interactionId)).count();
    }

    private Optional<GenericInteractionCreateEvent> find(String interactionId) {
      return events.stream().filter(event -> event.getId().equals(interactionId)).findFirst();
    }
  }

  /** The JDK's own WebSocket client, to check the fake's framing against a second client. */
  private static final class RawClient implements WebSocket.Listener {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final CompletableFuture<ByteBuffer> pong = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static RawClient open(String url) throws Exception {
      RawClient client = new RawClient();
      client.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create(url), client)
              .get(5, TimeUnit.SECONDS);
      return client;
    }

    JsonNode next() throws Exception {
      String text = texts.poll(5, TimeUnit.SECONDS);
      assertThat(text).as("a gateway payload").isNotNull();
      return JSON.readTree(text);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        texts.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      ByteBuffer copy = ByteBuffer.allocate(message.remaining()).put(message).flip();
      pong.complete(copy);
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
