package org.porchlight.telegram;

import java.util.function.Supplier;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.delivery.Messenger;

/** Sends what the outbox owes Telegram members, once the bot has signed in. */
final class TelegramMessenger implements Messenger {
  private final Supplier<TelegramChat> chat;

  /** {@code chat} gives the signed-in chat, or null before the bot has signed in. */
  TelegramMessenger(Supplier<TelegramChat> chat) {
    this.chat = chat;
  }

  @Override
  public String platform() {
    return TelegramChat.PLATFORM;
  }

  @Override
  public Delivery send(MemberId to, Reply reply) {
    TelegramChat signedIn = chat.get();
    if (signedIn == null) return Delivery.failed(); // not signed in yet: the outbox waits
    return signedIn.prompt(to, reply);
  }
}
