package org.porchlight.app.cli;

import java.util.concurrent.Callable;
import org.porchlight.app.Porchlight;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Erases a member. */
@Command(
    name = "forget",
    mixinStandardHelpOptions = true,
    description = "Erase everything stored about a member.")
final class ForgetCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @ArgGroup(exclusive = false, multiplicity = "1")
  Who who;

  @Override
  public Integer call() {
    try (Porchlight porchlight = main.open()) {
      if (porchlight.database().members().forget(who.id())) {
        main.stderr.println("Erased everything stored about " + who.id() + ".");
        return Main.OK;
      }
      main.stderr.println("Nothing is stored for " + who.id() + ".");
      return Main.NOT_FOUND;
    }
  }
}
