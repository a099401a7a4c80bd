package org.porchlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * A button's data as it comes back from Telegram (callback data) or Discord (a component's custom
 * id): anyone can send any, so any is read as one of our actions or as none, never an error; and an
 * action read says the same when written again, within Telegram's 64 bytes.
 */
class ButtonDataFuzzTest {
  @FuzzTest
  void anyButtonDataIsAnActionOrNone(FuzzedDataProvider data) {
    String pressed = data.consumeRemainingAsString();
    Optional<Action> action = Action.decode(pressed);
    if (action.isEmpty()) return;
    String again = action.get().encode();
    assertThat(Action.decode(again))
        .as("%s written again as %s", pressed, again)
        .contains(action.get());
  }
}
