package org.porchlight.app;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.porchlight.config.ConfigException;
import org.porchlight.config.Settings;
import org.porchlight.store.Database;
import org.porchlight.store.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret key that seals pod names and safety plans: {@code store.secretKey}
 * (PORCHLIGHT_SECRET_KEY), else the file {@code store.secretKeyFile} names, else, on the embedded
 * database alone, {@code secret.key} in its data folder, made on the first start. Any other
 * database must be given one, so that every instance on it reads the same names. Whatever the key,
 * it must open what the database's first start sealed. The messages say what to do; none holds the
 * key.
 */
public final class SecretKeys {
  private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);
  private static final String FILE_NAME = "secret.key";
  private static final String SETTING = "store.secretKey (PORCHLIGHT_SECRET_KEY)";
  private static final String FILE_SETTING = "store.secretKeyFile (PORCHLIGHT_SECRET_KEY_FILE)";
  private static final String MAKE_ONE = "openssl rand -base64 32";
  private static final String SEE = "See \"The secret key\" in docs/operations.md.";

  private final Settings.Store store;

  public SecretKeys(Settings.Store store) {
    this.store = requireNonNull(store, "store == null");
  }

  /** A key, and where it came from, in words: {@code the key file data/secret.key}. */
  public record Key(Sealer sealer, String where) {
    public Key {
      requireNonNull(sealer, "sealer == null");
      requireNonNull(where, "where == null");
    }
  }

  /**
   * The key given or found, creating none. Empty on the embedded database when there is no key file
   * yet: the first start makes one.
   *
   * @throws ConfigException when a key given cannot be read, or when none is given for a database
   *     other than the embedded one
   */
  public Optional<Key> find() {
    if (store.secretKey().isSet()) {
      return Optional.of(new Key(sealer(store.secretKey().reveal(), SETTING), SETTING));
    }
    if (!store.secretKeyFile().isBlank()) {
      Path file = Path.of(store.secretKeyFile().strip());
      String where = "the key file " + file + " (" + FILE_SETTING + ")";
      return Optional.of(new Key(read(file, where, FILE_SETTING + " names " + file), where));
    }
    if (!store.url().isEmpty()) {
      throw new ConfigException(
          "no secret key is given, and store.url names a database other than the embedded one."
              + " Pod names and safety plans are sealed with the key, and every instance on the"
              + " database must read the same names, so Porchlight does not make one up there:"
              + " set PORCHLIGHT_SECRET_KEY (or "
              + FILE_SETTING
              + ") to the same key on every instance. Make one with: "
              + MAKE_ONE
              + ". "
              + SEE);
    }
    Path file = defaultFile();
    if (!Files.exists(file)) return Optional.empty();
    String where = "the key file " + file;
    return Optional.of(new Key(read(file, where, where), where));
  }

  /**
   * The key in {@code file}, as {@code openssl rand -base64 32} writes one: a new key, for {@code
   * porchlight rotate-key}.
   *
   * @throws ConfigException when there is no such file, or it holds no key
   */
  public static Sealer inFile(Path file) {
    return read(file, "the new key file " + file, "--new-key-file names " + file);
  }

  /** The file the first start on the embedded database makes: {@code secret.key} beside it. */
  public Path defaultFile() {
    return Path.of(store.dataDir()).resolve(FILE_NAME);
  }

  /**
   * The sealer for {@code database}: the key {@link #find} found, or on the embedded database's
   * first start a new one, written to {@link #defaultFile}. The database keeps a text sealed with
   * the first key; a start with another stops here.
   *
   * @throws ConfigException when the key is not the one the database's names were sealed with
   */
  Sealer sealerFor(Optional<Key> found, Database database) {
    Key key = found.isPresent() ? found.get() : create(database);
    try {
      database.checkKey(key.sealer());
    } catch (Sealer.WrongKey e) {
      throw new ConfigException(doesNotOpen(key.where()));
    }
    return key.sealer();
  }

  /** Why a start stops when {@code where}'s key is not the one the database's names need. */
  public static String doesNotOpen(String where) {
    return "the secret key from "
        + where
        + " does not open the names stored in this database: it is not the key they were sealed"
        + " with. Start with the key this database was first started with (from the backup"
        + " taken with it); with any other, its pod names and safety plans cannot be read. "
        + SEE;
  }

  /** Why a start stops when the embedded database has sealed names and its key file is gone. */
  public String keyFileMissing() {
    return "there is no key file at "
        + defaultFile()
        + ", but the database holds names sealed with a key. Put back the "
        + FILE_NAME
        + " backed up with the database (or set PORCHLIGHT_SECRET_KEY to its key): a new key"
        + " could not read them. "
        + SEE;
  }

  private Key create(Database database) {
    byte[] bytes = Sealer.newKey();
    Sealer sealer = new Sealer(bytes);
    if (database.keyCheck(sealer) != Database.KeyCheck.NOTHING_SEALED_YET) {
      throw new ConfigException(keyFileMissing());
    }
    Path file = defaultFile();
    String where = "the key file " + file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.createFile(file, ownerOnly(file));
      Files.writeString(
          file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException e) {
      // Another start on this folder made it a moment ago: use theirs.
      return new Key(read(file, where, where), where);
    } catch (IOException e) {
      throw new ConfigException(
          "could not write a new secret key to "
              + file
              + " ("
              + e.getMessage()
              + "). Check that store.dataDir is writable, or set PORCHLIGHT_SECRET_KEY.");
    }
    LOG.info(
        "Made a new secret key in {}: it seals the names in pods and safety plans. Back it up"
            + " with the database: without it, they cannot be read.",
        file);
    return new Key(sealer, where);
  }

  /** Read and write for the owner alone, where the file system has POSIX permissions. */
  private static FileAttribute<?>[] ownerOnly(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  private static Sealer read(Path file, String where, String missing) {
    String text;
    try {
      // Latin-1 reads any bytes: a file that is not a key is told so below, not as a decoding
      // error.
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new ConfigException(missing + ", where there is no file. " + SEE);
    } catch (IOException e) {
      throw new ConfigException("could not read " + where + ": " + e.getMessage());
    }
    return sealer(text, where);
  }

  /** The key in {@code text}; an error names {@code where}, never the text. */
  private static Sealer sealer(String text, String where) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != Sealer.KEY_BYTES) {
      throw new ConfigException(
          where
              + " is not a secret key: it must be "
              + Sealer.KEY_BYTES
              + " bytes written in Base64 (44 characters), as "
              + MAKE_ONE
              + " makes one. "
              + SEE);
    }
    return new Sealer(bytes);
  }
}
