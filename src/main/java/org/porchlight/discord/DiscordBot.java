package org.porchlight.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.porchlight.core.Hosting;
import org.porchlight.core.MessageLimit;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MeetingEventStore;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.delivery.Messenger;
import org.porchlight.runtime.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Porchlight on Discord through JDA: connects to the gateway with no privileged intent, registers
 * the slash commands, answers interactions and DMs, and sends check-ins by DM.
 */
public final class DiscordBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
  // Direct messages, besides the guilds intent JDA always asks for (servers, their channels and
  // roles, to check hosts). Neither is privileged: no one has to approve them in the portal.
  static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.DIRECT_MESSAGES);
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private static final String LOCALE = "en";
  private static final Duration EVENT_PASS_EVERY = Duration.ofHours(1);

  private final Conversation conversation;
  private final Hosting hosting;
  private final MemberStore members;
  private final String token;
  private final String apiUrl;
  private final String gatewayUrl;
  private final Optional<String> devGuildId;
  private final ExecutorService workers;
  private Optional<MeetingEvents> meetingEvents = Optional.empty();
  private volatile MessageLimit limit = MessageLimit.standard(Clock.systemUTC());
  private volatile Duration commandsWithin = COMMANDS_WITHIN;
  private ScheduledExecutorService eventPasses;
  private JDA jda;
  private volatile boolean closing;

  public DiscordBot(
      Conversation conversation,
      Hosting hosting,
      MemberStore members,
      String token,
      String apiUrl,
      String gatewayUrl,
      Optional<String> devGuildId,
      int workers) {
    this.conversation = conversation;
    this.hosting = hosting;
    this.members = members;
    this.token = token;
    this.apiUrl = apiUrl;
    this.gatewayUrl = gatewayUrl;
    this.devGuildId = devGuildId;
    // Answers run here, not on the gateway's reading thread, so heartbeats never wait on them.
    this.workers = Executors.newFixedThreadPool(workers, Daemons.named("discord"));
  }

  /**
   * Keeps a scheduled event in each server for each of its weekly meetings: made or changed by
   * {@code /setup}, moved on after each meeting by a pass at start and every hour. Call before
   * {@link #start}.
   */
  public DiscordBot keepingMeetingEvents(MeetingEventStore events, Clock clock) {
    if (jda != null) throw new IllegalStateException("keep meeting events before start()");
    this.meetingEvents = Optional.of(new MeetingEvents(events, conversation::texts, clock));
    return this;
  }

  /** Holds each member to {@code limit} rather than the standard one; call before starting. */
  public DiscordBot limitingEachMember(MessageLimit limit) {
    if (jda != null) throw new IllegalStateException("set the limit before start()");
    this.limit = limit;
    return this;
  }

  /**
   * Waits {@code bound} rather than {@link #COMMANDS_WITHIN} for the slash commands' registration.
   */
  DiscordBot registeringCommandsWithin(Duration bound) {
    if (jda != null) throw new IllegalStateException("set the bound before start()");
    this.commandsWithin = bound;
    return this;
  }

  /** Logs in, waits for the gateway's READY, and registers the commands. */
  public void start() {
    List<String> tooLong = DiscordLimits.tooLong(conversation.texts(LOCALE));
    if (!tooLong.isEmpty()) {
      throw new DiscordStartException(
          "some texts in config/messages are longer than Discord allows: "
              + String.join(", ", tooLong),
          null);
    }
    Ready ready = new Ready();
    try {
      jda =
          JDABuilder.createLight(token, INTENTS)
              .setRestConfig(new RestConfig().setBaseUrl(apiUrl))
              .setSessionController(new Gateway(gatewayUrl))
              // Plain JSON: zlib buys little for a bot that receives few events.
              .setCompression(Compression.NONE)
              .setEventPool(workers, true)
              .setEnableShutdownHook(false)
              .addEventListeners(
                  ready, new DiscordChat(conversation, hosting, members, meetingEvents, limit))
              .build();
    } catch (InvalidTokenException e) {
      throw new DiscordStartException(
          "Discord refused the bot token. Copy it again from the developer portal (Bot, Reset"
              + " Token) into DISCORD_BOT_TOKEN.",
          e);
    } catch (RuntimeException e) {
      throw new DiscordStartException(
          "Porchlight could not reach Discord at " + apiUrl + ": " + e.getMessage(), e);
    }
    ready.await(jda);
    // Beside the start, never holding it: the commands registered before work meanwhile, and a
    // new bot's come within the call's bound.
    Daemons.thread("discord-commands", this::registerCommands).start();
    LOG.info("Porchlight is on Discord as {}", jda.getSelfUser().getName());
    LOG.info("Invite it to a server: {}", inviteUrl(jda.getSelfUser().getApplicationId()));
    if (meetingEvents.isPresent()) {
      eventPasses = Executors.newSingleThreadScheduledExecutor(Daemons.named("discord-events"));
      eventPasses.scheduleWithFixedDelay(
          this::keepMeetingEvents, 0, EVENT_PASS_EVERY.toMinutes(), TimeUnit.MINUTES);
    }
  }

  /**
   * One pass over every server the bot is in: each meeting's event that has ended makes way for the
   * next, and a server that allowed events since its setup gets them. Discord is asked only where
   * something changes.
   */
  void keepMeetingEvents() {
    MeetingEvents events = meetingEvents.orElseThrow();
    for (Guild guild : jda.getGuilds()) {
      try {
        events.keep(
            guild,
            hosting.community(Answering.communityOf(guild), Answering.guildName(guild)),
            false);
      } catch (RuntimeException e) {
        // The next pass tries again; an exception here would stop every later pass. The database
        // away is said once, by whoever watches it.
        if (StoreUnavailable.isCause(e)) {
          LOG.debug("meeting events wait for the database");
        } else {
          LOG.warn("a server's meeting events could not be kept: {}", e.toString());
        }
      }
    }
  }

  /**
   * The link that adds the bot to a server: in it, with its slash commands, allowed to see a
   * channel and send messages there (for /post) and to create events (for the weekly meetings), and
   * nothing else.
   */
  static String inviteUrl(String applicationId) {
    long permissions =
        Permission.getRaw(
            Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.CREATE_SCHEDULED_EVENTS);
    return "https://discord.com/oauth2/authorize?client_id="
        + applicationId
        + "&scope=bot+applications.commands&permissions="
        + permissions;
  }

  // Registering the commands waits no longer than this.
  static final Duration COMMANDS_WITHIN = Duration.ofSeconds(30);

  /**
   * Registers the slash commands, within {@link #commandsWithin}: Discord keeps the ones registered
   * before, so a failure here is logged and never holds or stops the start.
   */
  private void registerCommands() {
    try {
      registerCommandsNow();
    } catch (RuntimeException e) {
      if (closing) {
        LOG.debug("the slash commands were not registered before the stop: {}", e.toString());
      } else {
        registrationFailed(e);
      }
    }
  }

  private static void registrationFailed(RuntimeException e) {
    if (e instanceof DiscordCalls.NoAnswerInTime) {
      LOG.warn("{}; the slash commands registered before stay", e.getMessage());
    } else {
      LOG.warn(
          "updateCommands: Discord did not take the slash commands ({}: {}); the ones registered"
              + " before stay",
          e.getClass().getSimpleName(),
          e.getMessage());
    }
  }

  private void registerCommandsNow() {
    var commands = DiscordCommands.all(conversation, LOCALE);
    if (devGuildId.isPresent()) {
      Guild guild = jda.getGuildById(devGuildId.get());
      if (guild == null) {
        LOG.warn(
            "discord.devGuildId {} is not a server the bot is in: commands are registered"
                + " globally instead",
            devGuildId.get());
      } else {
        DiscordCalls.complete(
            guild.updateCommands().addCommands(commands), commandsWithin, "updateCommands");
        LOG.info("{} commands registered in the development server", commands.size());
        return;
      }
    }
    DiscordCalls.complete(
        jda.updateCommands().addCommands(commands), commandsWithin, "updateCommands");
    LOG.info("{} commands registered", commands.size());
  }

  /** Whether the gateway connection is up (JDA reconnects by itself when it drops). */
  public boolean isConnected() {
    return jda != null && jda.getStatus() == JDA.Status.CONNECTED;
  }

  /** Sends check-ins and reminders by DM. */
  public Messenger messenger() {
    if (jda == null) throw new IllegalStateException("start() the bot first");
    return new DiscordMessenger(jda);
  }

  @Override
  public void close() {
    closing = true;
    if (eventPasses != null) eventPasses.shutdownNow();
    if (jda == null) {
      workers.shutdownNow();
      return;
    }
    jda.shutdown();
    try {
      if (!jda.awaitShutdown(Duration.ofSeconds(5))) jda.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jda.shutdownNow();
    }
  }

  /** The gateway to connect to: Discord's, or another one such as a test's. */
  private static final class Gateway extends SessionControllerAdapter {
    private final String url;

    Gateway(String url) {
      this.url = url;
    }

    @Override
    public String getGateway() {
      return url;
    }
  }

  /** Waits for READY, or for the reason there will be none. */
  private static final class Ready extends ListenerAdapter {
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<CloseCode> refused = new AtomicReference<>();
    private volatile boolean ready;

    @Override
    public void onReady(ReadyEvent event) {
      ready = true;
      done.countDown();
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
      refused.set(event.getCloseCode());
      done.countDown();
    }

    void await(JDA jda) {
      try {
        if (!done.await(READY_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
          jda.shutdownNow();
          throw new DiscordStartException(
              "Discord's gateway did not answer within " + READY_WITHIN.toSeconds() + " s", null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        jda.shutdownNow();
        throw new DiscordStartException("interrupted while connecting to Discord", e);
      }
      CloseCode code = refused.get();
      if (!ready) {
        throw new DiscordStartException(
            code == CloseCode.DISALLOWED_INTENTS
                ? "Discord refused the gateway intents (close code 4014)."
                : "Discord closed the connection"
                    + (code == null ? "" : " (" + code.getCode() + " " + code.getMeaning() + ")"),
            null);
      }
    }
  }
}
