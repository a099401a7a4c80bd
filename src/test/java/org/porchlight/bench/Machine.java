package org.porchlight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The machine a run was measured on, as Linux and the JVM describe it. */
final class Machine {
  private Machine() {}

  static Map<String, Object> describe() {
    List<String> cpuinfo = lines("/proc/cpuinfo");
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpu", field(cpuinfo, "model name").orElse(System.getProperty("os.arch")));
    field(cpuinfo, "cpu family").ifPresent(family -> machine.put("cpuFamily", family));
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    field(lines("/proc/meminfo"), "MemTotal")
        .map(total -> Long.parseLong(total.replaceAll("[^0-9]", "")) / 1024)
        .ifPresent(megabytes -> machine.put("ramMb", megabytes));
    machine.put(
        "virtualized",
        field(cpuinfo, "flags").map(flags -> flags.contains("hypervisor")).orElse(false));
    String os =
        lines("/etc/os-release").stream()
            .filter(line -> line.startsWith("PRETTY_NAME="))
            .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
            .findFirst()
            .orElse(System.getProperty("os.name"));
    machine.put("os", os + ", kernel " + System.getProperty("os.version"));
    machine.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    return machine;
  }

  private static Optional<String> field(List<String> lines, String name) {
    return lines.stream()
        .filter(line -> line.startsWith(name) && line.indexOf(':') > 0)
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .findFirst();
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of(); // not Linux: the JVM's own description will do
    }
  }
}
