package org.porchlight.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Starts the console chat. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = "Chat with Porchlight in the terminal, as the member console/local.")
final class ConsoleCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    return main.chat();
  }
}
