package org.porchlight.discord;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.delivery.Messenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check-ins and reminders by direct message. JDA keeps to Discord's rate limits itself, waiting out
 * a 429 and sending again; a message still waiting when its deadline passes is not sent at all, and
 * the outbox tries it again later, so nothing goes twice.
 */
final class DiscordMessenger implements Messenger {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordMessenger.class);
  // Longer than a usual rate-limit wait, shorter than a sender's lease on its letters (30 s).
  static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final Duration AFTER_DEADLINE = Duration.ofSeconds(30);

  private final JDA jda;

  DiscordMessenger(JDA jda) {
    this.jda = jda;
  }

  @Override
  public String platform() {
    return DiscordChat.PLATFORM;
  }

  @Override
  public Delivery send(MemberId to, Reply reply) {
    List<MessageCreateData> messages = DiscordRender.messages(reply);
    RestAction<Message> sending =
        jda.openPrivateChannelById(to.userId())
            .flatMap(
                channel -> {
                  RestAction<Message> chain = channel.sendMessage(messages.get(0));
                  for (MessageCreateData next : messages.subList(1, messages.size())) {
                    chain = chain.flatMap(sent -> channel.sendMessage(next));
                  }
                  return chain;
                });
    try {
      sending.timeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).complete();
      return Delivery.sent();
    } catch (ErrorResponseException e) {
      return delivery(e);
    } catch (RuntimeException e) {
      if (causedBy(e, TimeoutException.class)) {
        LOG.info("a direct message waited past its deadline behind Discord's rate limits");
        return Delivery.slowDown(AFTER_DEADLINE);
      }
      LOG.warn("a direct message could not be sent: {}", e.getClass().getSimpleName());
      return Delivery.failed();
    }
  }

  /** 50007: the member's DMs are closed to the bot; an unknown user can't be reached either. */
  static Delivery delivery(ErrorResponseException e) {
    ErrorResponse error = e.getErrorResponse();
    if (error == ErrorResponse.CANNOT_SEND_TO_USER
        || error == ErrorResponse.UNKNOWN_USER
        || error == ErrorResponse.UNKNOWN_CHANNEL) {
      return Delivery.unreachable();
    }
    LOG.warn(
        "Discord refused a direct message: HTTP {}, code {}",
        e.getResponse() == null ? "?" : e.getResponse().code,
        e.getErrorCode());
    return Delivery.failed();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) return true;
    }
    return false;
  }
}
