package org.rxledger.core.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.rxledger.core.error.RxLedgerException;

/**
 * The key file {@value #FILE_NAME} of an encrypted office (docs/adr/0024-encryption-at-rest.md, points 2-5, and
 * docs/adr/0033-encryption-at-rest-as-built.md): the database's {@link DataKey} sealed once per account with
 * AES-256-GCM under a PBKDF2-HMAC-SHA-256 key derived from that account's password (its own salt, the account's
 * name as associated data so slots cannot be swapped), and once under the office's recovery code.
 *
 * <p>A folder with this file is opened encrypted; one without is opened as before (point 7). A new office keeps its
 * key <em>unclaimed</em> (in clear, in this 600 file) only until its first account exists: until then anybody at the
 * desk acts as the opener anyway (docs/adr/0020-sign-in-and-enforcement.md), and a process stopped before the first
 * account leaves a folder that still opens. Writes go to a temporary file moved into place, so a crash leaves the
 * old file or the new one.
 */
public final class OfficeKeys {

    /** Starts with "rxledger." so that {@link PrivateFiles#restrictDataFolder} keeps it 600 beside the database. */
    public static final String FILE_NAME = "rxledger.keys";
    public static final int DEFAULT_ITERATIONS = PasswordHasher.DEFAULT_ITERATIONS;
    private static final String RECOVERY = "(recovery code)";
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int RECOVERY_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One sealed copy of the data key. */
    record Slot(String salt, int iterations, String nonce, String sealed) {
    }

    /** The file's content. */
    record Content(int version, String cipher, boolean demo, String unclaimed, TreeMap<String, Slot> slots, Slot recovery,
                   boolean recoveryExported) {
        Content {
            slots = slots == null ? new TreeMap<>() : new TreeMap<>(slots);
        }
    }

    private final Path dataDir;
    private final int iterations;

    public OfficeKeys(Path dataDir) {
        this(dataDir, DEFAULT_ITERATIONS);
    }

    /** Fewer iterations only for tests, like {@link PasswordHasher#PasswordHasher(int)}. */
    public OfficeKeys(Path dataDir, int iterations) {
        this.dataDir = dataDir;
        this.iterations = iterations;
    }

    public static boolean isEncrypted(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME));
    }

    /** True for the demo office: its sign-in screen names its accounts before the database is open. */
    public boolean isDemo() {
        return isEncrypted(dataDir) && read().demo();
    }

    /**
     * A new office's key, unclaimed until its first account: only in a folder without a database or a key file
     * (a clear-text office is encrypted by {@code rxledger encrypt}, never by this).
     */
    public DataKey createForNewOffice(boolean demo) {
        if (isEncrypted(dataDir) || Files.exists(dataDir.resolve("rxledger.mv.db"))) {
            throw RxLedgerException.refused("The data folder " + dataDir + " already holds an office; a new key is made "
                    + "only for a new office.");
        }
        DataKey key = DataKey.random();
        write(new Content(1, "AES", demo, key.filePassword(), null, null, false));
        return key;
    }

    /** The key of an office whose first account does not exist yet, if this is one. */
    public Optional<DataKey> unclaimed() {
        if (!isEncrypted(dataDir)) {
            return Optional.empty();
        }
        return Optional.ofNullable(read().unclaimed()).map(OfficeKeys::fromHex);
    }

    /** Marks the folder as the demo office (its accounts are shown on the first screen). */
    public void markDemo() {
        Content c = read();
        write(new Content(c.version(), c.cipher(), true, c.unclaimed(), c.slots(), c.recovery(), c.recoveryExported()));
    }

    public boolean hasSlot(String account) {
        return read().slots().containsKey(normalise(account));
    }

    /**
     * Unwraps the data key with an account's password: the first step of signing in to an encrypted office, before the
     * database is opened. A wrong password fails the GCM tag.
     *
     * @throws RxLedgerException {@code SIGN_IN_FAILED} for a wrong password (the same words as the database's check),
     *     {@code NO_KEY_SLOT} for an account that holds no slot yet
     */
    public DataKey unlock(String account, char[] password) {
        Content c = read();
        if (c.unclaimed() != null) {
            return fromHex(c.unclaimed());
        }
        String name = normalise(account);
        Slot slot = c.slots().get(name);
        if (slot == null) {
            throw new RxLedgerException("NO_KEY_SLOT", "Account '" + name + "' cannot open this encrypted office yet: "
                    + "it holds no key. Sign in once at the workstation after someone else has opened it, or ask an "
                    + "administrator to reset its password.");
        }
        try {
            return DataKey.of(open(slot, password, name));
        } catch (AEADBadTagException wrong) {
            throw new RxLedgerException("SIGN_IN_FAILED", "The account name or the password is not right.");
        }
    }

    /** Unwraps the data key with the office's recovery code (every password lost). */
    public DataKey unlockWithRecoveryCode(String code) {
        Slot slot = read().recovery();
        if (slot == null) {
            throw RxLedgerException.refused("This office has no recovery code.");
        }
        try {
            return DataKey.of(open(slot, code.replaceAll("[^0-9]", "").toCharArray(), RECOVERY));
        } catch (AEADBadTagException wrong) {
            throw RxLedgerException.invalid("That recovery code is not this office's.");
        }
    }

    /**
     * Makes the office's recovery code, seals the key under it and returns it to be shown once, as groups of digits; a
     * second export is refused (docs/adr/0024-encryption-at-rest.md, point 5).
     */
    public String exportRecoveryCode(DataKey key) {
        Content c = read();
        if (c.recoveryExported()) {
            throw RxLedgerException.refused("The recovery code of this office was exported already; it is shown only once.");
        }
        byte[] random = new byte[RECOVERY_BYTES];
        RANDOM.nextBytes(random);
        String digits = String.format(Locale.ROOT, "%039d", new BigInteger(1, random));
        write(new Content(c.version(), c.cipher(), c.demo(), c.unclaimed(), c.slots(),
                seal(key, digits.toCharArray(), RECOVERY), true));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 5) {
            grouped.append(i == 0 ? "" : "-").append(digits, i, Math.min(digits.length(), i + 5));
        }
        return grouped.toString();
    }

    /** The key file's part of {@link AccountService}, for an office opened with {@code key}. */
    public KeySlots slots(DataKey key) {
        return new KeySlots() {
            @Override
            public void passwordSet(String account, char[] password) {
                putSlot(key, account, password);
            }

            @Override
            public void signedIn(String account, char[] password) {
                if (!hasSlot(account)) {
                    putSlot(key, account, password);
                }
            }

            @Override
            public void removed(String account) {
                Content c = read();
                TreeMap<String, Slot> slots = new TreeMap<>(c.slots());
                if (slots.remove(normalise(account)) != null) {
                    write(new Content(c.version(), c.cipher(), c.demo(), c.unclaimed(), slots, c.recovery(),
                            c.recoveryExported()));
                }
            }

            @Override
            public String exportRecoveryCode() {
                return OfficeKeys.this.exportRecoveryCode(key);
            }
        };
    }

    /**
     * Seals {@code key} for {@code account}. The first slot claims the key: its clear copy leaves the file.
     * Also used by the encryption of a clear-text office, which writes the file first.
     */
    public void putSlot(DataKey key, String account, char[] password) {
        Content c = read();
        TreeMap<String, Slot> slots = new TreeMap<>(c.slots());
        slots.put(normalise(account), seal(key, password, normalise(account)));
        write(new Content(c.version(), c.cipher(), c.demo(), null, slots, c.recovery(), c.recoveryExported()));
    }

    /** The key file of a clear-text office being encrypted: unclaimed until {@link #putSlot} (or its first account). */
    public void createForEncryption(DataKey key) {
        write(new Content(1, "AES", false, key.filePassword(), null, null, false));
    }

    public Path file() {
        return dataDir.resolve(FILE_NAME);
    }

    private Slot seal(DataKey key, char[] password, String associated) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, wrappingKey(password, salt, iterations), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return new Slot(b64.encodeToString(salt), iterations, b64.encodeToString(nonce),
                    b64.encodeToString(gcm.doFinal(key.bytes())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] open(Slot slot, char[] password, String associated) throws AEADBadTagException {
        Base64.Decoder b64 = Base64.getDecoder();
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, wrappingKey(password, b64.decode(slot.salt()), slot.iterations()),
                    new GCMParameterSpec(128, b64.decode(slot.nonce())));
            gcm.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return gcm.doFinal(b64.decode(slot.sealed()));
        } catch (AEADBadTagException wrong) {
            throw wrong;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new RxLedgerException("KEY_FILE_DAMAGED", "The key file " + FILE_NAME + " is damaged (" + e.getClass()
                    .getSimpleName() + "). Restore the data folder from a backup, or open it with the recovery code.", e);
        }
    }

    private static SecretKeySpec wrappingKey(char[] password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, 256);
        try {
            return new SecretKeySpec(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
                    .getEncoded(), "AES");
        } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static DataKey fromHex(String hex) {
        return DataKey.of(java.util.HexFormat.of().parseHex(hex));
    }

    private static String normalise(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    private Content read() {
        Path file = file();
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Content.class);
        } catch (IOException e) {
            throw new RxLedgerException("KEY_FILE_DAMAGED", "The key file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "). Restore the data folder from a backup (the key file belongs "
                    + "with the database).", e);
        }
    }

    private void write(Content content) {
        Path file = file();
        try {
            Files.createDirectories(dataDir);
            Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            PrivateFiles.restrict(temporary);
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content),
                    StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            PrivateFiles.restrict(file);
        } catch (IOException e) {
            throw new RxLedgerException("KEY_FILE_UNWRITABLE", "The key file " + file + " cannot be written ("
                    + e.getClass().getSimpleName() + "); nothing was changed in it.", e);
        }
    }
}
