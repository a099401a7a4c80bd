package org.porchlight.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.modals.Modal;
import org.porchlight.core.Action;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberData;
import org.porchlight.core.MemberId;
import org.porchlight.core.Messages;
import org.porchlight.core.Pod;
import org.porchlight.core.Reply;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.SafetyPlan.Section;
import org.porchlight.core.Text;

/**
 * The pod and the safety plan as forms, in servers: Porchlight reads no messages there, so a button
 * that would ask for a name or an answer opens a form instead, filled in with what is kept. The pod
 * is one form, a ring a field; the plan is two, three sections each (Discord allows five fields).
 * In DMs the conversation asks in words, as on the other platforms.
 */
final class SupportForms {
  static final String POD = "form:pod";
  static final String PLAN = "form:plan:";
  private static final int PLAN_PARTS = 2;
  private static final int SECTIONS_A_PART = 3;

  private final Answering answering;

  SupportForms(Answering answering) {
    this.answering = answering;
  }

  /**
   * Opens the form a press in a server asks for, and says whether it did; other presses are the
   * conversation's.
   */
  boolean opened(ButtonInteractionEvent event) {
    String data = event.getComponentId();
    if (data.startsWith(PLAN)) {
      open(event, planForm(event, part(data.substring(PLAN.length()))));
      return true;
    }
    if (!Answering.inServer(event)) return false;
    Optional<Action> action = Action.decode(data);
    if (action.isEmpty()) return false;
    Action pressed = action.get();
    if (pressed instanceof Action.PodAdd
        || pressed instanceof Action.PodChoose
        || pressed instanceof Action.PodEntry
        || pressed instanceof Action.PodRename) {
      open(event, podForm(event));
      return true;
    }
    if (pressed instanceof Action.PlanStart) {
      open(event, planForm(event, 1));
      return true;
    }
    return false;
  }

  private static void open(ButtonInteractionEvent event, Modal form) {
    event.replyModal(form).queue(null, failure -> Answering.failed("a form", failure));
  }

  private static int part(String text) {
    return text.equals("2") ? 2 : 1;
  }

  private Optional<MemberData> kept(ButtonInteractionEvent event) {
    return answering.conversation.dataOf(Answering.memberOf(event.getUser()));
  }

  private Modal podForm(ButtonInteractionEvent event) {
    Messages texts = answering.texts(event);
    Pod pod = kept(event).map(MemberData::pod).orElse(Pod.EMPTY);
    Map<Pod.Ring, Text> labels =
        Map.of(
            Pod.Ring.CORE, Text.FORM_POD_CORE,
            Pod.Ring.MOVABLE, Text.FORM_POD_MOVABLE,
            Pod.Ring.OUTER, Text.FORM_POD_OUTER);
    List<Label> fields = new ArrayList<>();
    for (Pod.Ring ring : Pod.Ring.values()) {
      String names = pod.in(ring).stream().map(Pod.Entry::name).collect(Collectors.joining("\n"));
      fields.add(
          Label.of(
              texts.get(labels.get(ring)),
              TextInput.create(ring.formField(), TextInputStyle.PARAGRAPH)
                  .setRequired(false)
                  .setMaxLength(Pod.MAX_ENTRIES * (Pod.MAX_NAME + 1))
                  .setPlaceholder(texts.get(Text.FORM_POD_HINT))
                  .setValue(names.isEmpty() ? null : names)
                  .build()));
    }
    return Modal.create(POD, texts.get(Text.FORM_POD_TITLE)).addComponents(fields).build();
  }

  private Modal planForm(ButtonInteractionEvent event, int part) {
    Messages texts = answering.texts(event);
    SafetyPlan plan = kept(event).map(MemberData::plan).orElse(SafetyPlan.EMPTY);
    List<Label> fields = new ArrayList<>();
    for (Section section : sections(part)) {
      fields.add(
          Label.of(
              texts.get(Text.titleOf(section)),
              TextInput.create(section.formField(), TextInputStyle.PARAGRAPH)
                  .setRequired(false)
                  .setMaxLength(SafetyPlan.MAX_ANSWER)
                  .setValue(plan.answer(section).orElse(null))
                  .build()));
    }
    return Modal.create(PLAN + part, texts.get(Text.FORM_PLAN_TITLE, "part", part))
        .addComponents(fields)
        .build();
  }

  private static List<Section> sections(int part) {
    Section[] all = Section.values();
    List<Section> sections = new ArrayList<>();
    for (int i = (part - 1) * SECTIONS_A_PART;
        i < Math.min(all.length, part * SECTIONS_A_PART);
        i++) {
      sections.add(all[i]);
    }
    return sections;
  }

  /** A form sent back: its fields go to the conversation, which checks and keeps them. */
  void submitted(ModalInteractionEvent event) {
    MemberId member = Answering.memberOf(event.getUser());
    boolean plan = event.getModalId().startsWith(PLAN);
    int part = plan ? part(event.getModalId().substring(PLAN.length())) : 0;
    Map<String, String> fields = new LinkedHashMap<>();
    if (plan) {
      for (Section section : sections(part)) {
        fields.put(section.formField(), Answering.value(event, section.formField()));
      }
    } else {
      for (Pod.Ring ring : Pod.Ring.values()) {
        fields.put(ring.formField(), Answering.value(event, ring.formField()));
      }
    }
    Answering.answerLater(
        event,
        () -> {
          List<Reply> replies =
              new ArrayList<>(answering.handle(event, member, new Incoming.Form(fields)));
          if (plan && part < PLAN_PARTS && !replies.isEmpty()) {
            // The next part opens from a button: a form cannot open another form.
            Reply last = replies.remove(replies.size() - 1);
            List<Reply.Button> buttons = new ArrayList<>(last.buttons());
            buttons.add(
                new Reply.Button(
                    answering.texts(event).get(Text.FORM_PLAN_NEXT), PLAN + (part + 1)));
            replies.add(new Reply(last.text(), buttons, last.document()));
          }
          return replies;
        });
  }
}
