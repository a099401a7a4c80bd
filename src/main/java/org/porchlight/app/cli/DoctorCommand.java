package org.porchlight.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.porchlight.app.doctor.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Checks the setup and says what to fix. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check the configuration, the database, each token that is set, the webhook, the time"
          + " zone data and the HTTP port, and say what to fix.",
      "Exit code 0 when all is well, 1 when something needs fixing."
    })
final class DoctorCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    Path file = main.config == null ? Path.of("config", "porchlight.yaml") : main.config;
    boolean allWell =
        new Doctor(main.stdout, Doctor.TIMEOUT).run(file, main::settings, main.loader());
    return allWell ? Main.OK : Main.NEEDS_FIXING;
  }
}
