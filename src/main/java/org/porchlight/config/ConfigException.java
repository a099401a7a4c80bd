package org.porchlight.config;

/** A configuration file that cannot be used, with a message that names the file, line and key. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
