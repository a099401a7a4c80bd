package org.porchlight.core.conversation;

import java.util.List;
import java.util.Optional;
import org.porchlight.core.Action.Forget;
import org.porchlight.core.Member;
import org.porchlight.core.MemberData;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;

/**
 * What a member asks of their data: {@code /mydata}, everything kept about them as a document (the
 * one place a member's export is built), and {@code /forget}, which, once confirmed, leaves nothing
 * behind.
 */
final class MemberDataRequests {
  private final Context ctx;

  MemberDataRequests(Context ctx) {
    this.ctx = ctx;
  }

  /** Everything stored about {@code member}, or nothing when nothing is. */
  Optional<MemberData> of(MemberId member) {
    return ctx.stores.members().find(member).map(this::of);
  }

  private MemberData of(Member member) {
    return new MemberData(
        member,
        ctx.stores.checkIns().allFor(member.id()),
        ctx.stores.stepsGiven().givenTo(member.id()),
        ctx.stores.communities().visitsOf(member.id()),
        ctx.stores.support().pod(member.id()),
        ctx.stores.support().plan(member.id()),
        ctx.stores.reachOuts().reachOut(member.id()),
        ctx.stores.reachOuts().reachOutAnswers(member.id()),
        ctx.stores.buddies().buddyOf(member.id()),
        ctx.stores.buddies().buddyingFor(member.id()),
        ctx.stores.meetingReminders().meetingReminder(member.id()),
        ctx.stores.meetingReminders().meetingRemindersSent(member.id()));
  }

  void myData(Turn t) {
    if (!t.stored) {
      t.say(t.texts.get(Text.NOTHING_STORED));
      return;
    }
    MemberData data = of(t.member);
    Reply.Document document =
        new Reply.Document(ctx.export.fileName(), ctx.export.mediaType(), ctx.export.write(data));
    t.reply(new Reply(t.texts.get(Text.MYDATA), List.of(), Optional.of(document)));
  }

  void askToForget(Turn t) {
    if (!t.stored) {
      t.say(t.texts.get(Text.NOTHING_STORED));
      return;
    }
    t.reply(
        Reply.withButtons(
            t.texts.get(Text.FORGET_ASK),
            List.of(
                new Reply.Button(t.texts.get(Text.BUTTON_FORGET_YES), new Forget(true).encode()),
                new Reply.Button(t.texts.get(Text.BUTTON_FORGET_NO), new Forget(false).encode()))));
  }

  void forget(Turn t, boolean confirmed) {
    if (!confirmed) {
      t.say(t.texts.get(Text.FORGET_KEPT));
    } else if (!t.stored) {
      t.say(t.texts.get(Text.NOTHING_STORED));
    } else {
      // A buddy on either side is told only that the link ended.
      t.flows.buddy().endLinks(t.id, t.now);
      ctx.stores.members().forget(t.id);
      t.flows.crisis().forget(t.id);
      t.forgotten = true;
      t.say(t.texts.get(Text.FORGET_DONE));
    }
  }
}
