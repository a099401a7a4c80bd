package org.porchlight.telegram;

import java.util.List;
import java.util.Optional;
import org.porchlight.core.Action;
import org.porchlight.core.Action.PostedAnswer;
import org.porchlight.core.Community;
import org.porchlight.core.Echo;
import org.porchlight.core.Hosting;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberId;
import org.porchlight.core.Messages;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MemberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * A Telegram group or supergroup as a community. Its admins, asked of Telegram every time, set it
 * up ({@code /setup}), post a check-in ({@code /post}) and get the week's numbers privately ({@code
 * /summary}). A press on a posted check-in is recorded for whoever pressed it and answered in their
 * private chat: nothing said in the group names anyone. A forum's topic is answered in that topic;
 * a group upgraded to a supergroup stays the same community.
 */
final class TelegramGroups {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramGroups.class);

  /** Sends replies to a member's private chat; false when they could not all be sent. */
  interface Privately {
    boolean send(MemberId member, List<Reply> replies);
  }

  private final Conversation conversation;
  private final Hosting hosting;
  private final MemberStore members;
  private final TelegramApi api;
  private final String botUsername;
  private final Privately privately;

  TelegramGroups(
      Conversation conversation,
      Hosting hosting,
      MemberStore members,
      TelegramApi api,
      String botUsername,
      Privately privately) {
    this.conversation = conversation;
    this.hosting = hosting;
    this.members = members;
    this.api = api;
    this.botUsername = botUsername;
    this.privately = privately;
  }

  /** Whether an anonymous admin sent it: Telegram shows the group itself as the sender. */
  static boolean fromAnAnonymousAdmin(Message message) {
    Chat sender = message.getSenderChat();
    return sender != null && sender.getId().equals(message.getChatId());
  }

  /** A message in a group: its move to a supergroup, a command for us, or crisis language. */
  void message(Message message, User from, String words) {
    if (message.getMigrateToChatId() != null) {
      moved(message.getChatId(), message.getMigrateToChatId());
      return;
    }
    if (message.getMigrateFromChatId() != null) {
      moved(message.getMigrateFromChatId(), message.getChatId());
      return;
    }
    if (words == null || words.isBlank()) return;
    Optional<Incoming.Command> command = Incoming.Command.parse(words);
    if (command.isEmpty()) {
      // A crisis said in a group is answered there: the words are already in front of everyone.
      conversation
          .crisisCheck(TelegramChat.memberOf(from), words)
          .ifPresent(
              crisis -> {
                SendMessage reply = TelegramRender.inTopicOf(message, crisis.text());
                reply.setReplyToMessageId(message.getMessageId());
                api.call(reply, Optional.empty());
              });
      return;
    }
    if (!TelegramChat.addressedTo(botUsername, words)) return;
    Messages texts = conversation.texts(TelegramChat.locale(from));
    String name = command.get().name();
    switch (name) {
      case "setup", "post", "summary" -> host(message, from, command.get(), texts);
      case "group" -> {
        if (!command.get().args().isBlank()) {
          // "/group remind on" is a member's own choice: it is made in their private chat.
          say(message, texts.get(Text.GROUP_SETTINGS_PRIVATELY), joinButton(message, texts));
          return;
        }
        say(
            message,
            hosting
                .aboutGroup(
                    communityOf(message), titleOf(message.getChat()), TelegramChat.locale(from))
                .text(),
            joinButton(message, texts));
      }
      case "about" -> say(message, texts.get(Text.ABOUT), joinButton(message, texts));
      default -> say(message, texts.get(Text.IN_A_GROUP), joinButton(message, texts));
    }
  }

  /** A press on a check-in posted in the group: recorded for the one who pressed, privately. */
  void press(CallbackQuery press, Chat postedIn) {
    Optional<Action> action = Action.decode(press.getData());
    if (action.isEmpty() || !(action.get() instanceof PostedAnswer)) {
      // Nothing else Porchlight sends in a group has buttons: an old message, or not ours.
      api.call(new AnswerCallbackQuery(press.getId()), Optional.empty());
      return;
    }
    User from = press.getFrom();
    MemberId member = TelegramChat.memberOf(from);
    Messages texts = conversation.texts(TelegramChat.locale(from));
    boolean canWriteToThem = members.find(member).isPresent() && members.isReachable(member);
    if (canWriteToThem) {
      List<Reply> replies =
          conversation.handle(
              member,
              new Incoming.ButtonPress(press.getData()),
              new Community.Place(communityOf(postedIn.getId()), titleOf(postedIn)));
      if (privately.send(member, replies)) {
        api.call(
            AnswerCallbackQuery.builder()
                .callbackQueryId(press.getId())
                .text(texts.get(Text.POSTED_ANSWERED))
                .build(),
            Optional.empty());
        return;
      }
    }
    // Telegram lets a bot write only to those who started a chat with it: the press opens one,
    // with this group's join link, and nobody in the group sees it.
    api.call(
        AnswerCallbackQuery.builder()
            .callbackQueryId(press.getId())
            .text(texts.get(Text.POSTED_START_PRIVATELY))
            .url(joinLink(communityOf(postedIn.getId()), titleOf(postedIn)))
            .build(),
        Optional.empty());
  }

  /** The bot added to a group: hello, with what admins and members can do. */
  void added(ChatMemberUpdated change) {
    Chat chat = change.getChat();
    Messages texts = conversation.texts(TelegramChat.locale(change.getFrom()));
    Community.Id id = communityOf(chat.getId());
    SendMessage hello =
        SendMessage.builder()
            .chatId(chat.getId())
            .text(texts.get(Text.GROUP_HELLO, "name", titleOf(chat)))
            .build();
    hello.setReplyMarkup(
        TelegramRender.link(texts.get(Text.BUTTON_TALK_PRIVATELY), joinLink(id, titleOf(chat))));
    api.call(hello, Optional.empty());
  }

  private void host(Message message, User from, Incoming.Command command, Messages texts) {
    boolean anonymous = fromAnAnonymousAdmin(message);
    if (!anonymous) {
      Optional<Boolean> admin = isAdmin(message.getChatId(), from.getId());
      if (admin.isEmpty()) {
        say(message, texts.get(Text.HOSTS_UNCHECKED, "command", "/" + command.name()), null);
        return;
      }
      if (!admin.get()) {
        say(message, texts.get(Text.GROUP_ADMINS_ONLY, "command", "/" + command.name()), null);
        return;
      }
    }
    Community.Id id = communityOf(message);
    String name = titleOf(message.getChat());
    String locale = TelegramChat.locale(from);
    switch (command.name()) {
      case "setup" ->
          say(message, hosting.setupFromText(id, name, command.args(), locale).text(), null);
      case "post" -> {
        Reply question = hosting.post(locale);
        SendMessage posted = TelegramRender.inTopicOf(message, question.text());
        posted.setReplyMarkup(TelegramRender.keyboard(question.buttons()));
        api.call(posted, Optional.empty());
      }
      default -> summary(message, from, anonymous, hosting.summary(id, name, locale), texts);
    }
  }

  /**
   * The week's numbers go to the admin privately, never into the group: with few members, even
   * counts can say who answered what. An anonymous admin can't be written to, so is told how.
   */
  private void summary(Message message, User from, boolean anonymous, Reply week, Messages texts) {
    if (anonymous) {
      say(message, texts.get(Text.SUMMARY_NOT_ANONYMOUSLY), null);
      return;
    }
    SendMessage toThem = SendMessage.builder().chatId(from.getId()).text(week.text()).build();
    if (api.call(toThem, Optional.of(TelegramChat.memberOf(from))) == TelegramApi.Failure.NONE) {
      say(message, texts.get(Text.SUMMARY_SENT_PRIVATELY), null);
    } else {
      say(message, texts.get(Text.SUMMARY_START_PRIVATELY), joinButton(message, texts));
    }
  }

  /** Whether Telegram says the user is the group's creator or an admin; empty when it can't say. */
  private Optional<Boolean> isAdmin(long chatId, long userId) {
    Optional<ChatMember> member =
        api.ask(GetChatMember.builder().chatId(chatId).userId(userId).build());
    return member.map(
        m -> m.getStatus().equals("creator") || m.getStatus().equals("administrator"));
  }

  private void moved(long from, long to) {
    hosting.moved(communityOf(from), communityOf(to));
    LOG.info("a group became a supergroup; its community goes on under the new id");
  }

  private void say(Message message, String text, InlineKeyboardMarkup buttons) {
    SendMessage reply = TelegramRender.inTopicOf(message, text);
    if (buttons != null) reply.setReplyMarkup(buttons);
    api.call(reply, Optional.empty());
  }

  private InlineKeyboardMarkup joinButton(Message message, Messages texts) {
    return TelegramRender.link(
        texts.get(Text.BUTTON_TALK_PRIVATELY),
        joinLink(communityOf(message), titleOf(message.getChat())));
  }

  /** t.me/<bot>?start=c_CODE: a private chat with the bot, with this group as home. */
  private String joinLink(Community.Id id, String name) {
    return "https://t.me/" + botUsername + "?start=c_" + hosting.joinCode(id, name);
  }

  static Community.Id communityOf(Message message) {
    return communityOf(message.getChatId());
  }

  static Community.Id communityOf(long chatId) {
    return new Community.Id(TelegramChat.PLATFORM, Long.toString(chatId));
  }

  private static String titleOf(Chat chat) {
    // Said to the group and kept as the community's name, so without control characters, as any
    // outside input. Telegram gives every group a title; the id stands in should one come without.
    String title = chat.getTitle() == null ? "" : Echo.keepable(chat.getTitle()).strip();
    return title.isEmpty() ? String.valueOf(chat.getId()) : title;
  }
}
