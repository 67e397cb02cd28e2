package io.github.wazodeb.repo.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * An unlocked OpenPGP key that may sign, read from a secret key file as {@code gpg --armor
 * --export-secret-keys} writes it (armoured or binary). Of the file's one key ring it takes the newest subkey
 * that may sign, else the primary key, as gpg does; revoked and expired keys are passed over.
 */
public final class SigningKey {

    /** The environment variable the CLI and the Maven plugin read the passphrase from, never an option. */
    public static final String PASSPHRASE_VARIABLE = "WAZO_DEB_KEY_PASSPHRASE";

    private final PGPPrivateKey privateKey;
    private final PGPPublicKey publicKey;

    private SigningKey(PGPPrivateKey privateKey, PGPPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The passphrase {@link #PASSPHRASE_VARIABLE} holds in {@code environment}; empty when it is unset. */
    public static char[] passphraseFrom(Map<String, String> environment) {
        String value = environment.get(PASSPHRASE_VARIABLE);
        return value == null ? new char[0] : value.toCharArray();
    }

    /**
     * Reads and unlocks the signing key of {@code file} with the passphrase of {@link #PASSPHRASE_VARIABLE} in
     * {@code environment}, as the CLI and the Maven plugin do; a wrong passphrase's message says where it came
     * from.
     */
    public static SigningKey read(Path file, Map<String, String> environment) throws SigningKeyException, IOException {
        char[] passphrase = passphraseFrom(environment);
        try {
            return read(file, passphrase);
        } catch (SigningKeyException e) {
            if (!e.wrongPassphrase()) {
                throw e;
            }
            throw new SigningKeyException(e.getMessage() + " (the passphrase is read from " + PASSPHRASE_VARIABLE
                    + (environment.containsKey(PASSPHRASE_VARIABLE) ? ")" : ", which is not set)"), true);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Reads and unlocks the signing key of {@code file}.
     *
     * @param passphrase what unlocks it; ignored for a key stored without one
     * @throws SigningKeyException when the file cannot sign, with a message naming it
     * @throws IOException when the file cannot be read
     */
    public static SigningKey read(Path file, char[] passphrase) throws SigningKeyException, IOException {
        PGPSecretKeyRing ring = onlyRing(file);
        PGPSecretKey secretKey = signingKey(ring).orElseThrow(() -> new SigningKeyException(
                file + ": key " + fingerprintOf(ring.getPublicKey()) + " has no usable key that may sign"
                        + " (revoked, expired, without the sign flag, or its secret part kept elsewhere)", false));
        try {
            PGPPrivateKey privateKey = secretKey.extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
            return new SigningKey(privateKey, secretKey.getPublicKey());
        } catch (PGPException e) {
            throw new SigningKeyException(file + ": the passphrase does not unlock secret key "
                    + fingerprintOf(secretKey.getPublicKey()), true);
        }
    }

    private static PGPSecretKeyRing onlyRing(Path file) throws SigningKeyException, IOException {
        List<PGPSecretKeyRing> rings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            try {
                new PGPSecretKeyRingCollection(PGPUtil.getDecoderStream(in), new BcKeyFingerprintCalculator())
                        .getKeyRings().forEachRemaining(rings::add);
            } catch (PGPException | IOException | RuntimeException e) {
                // A public key, or no OpenPGP data at all; Bouncy Castle's words for either help nobody.
                throw new SigningKeyException(file + ": not an OpenPGP secret key (export one with"
                        + " gpg --armor --export-secret-keys KEYID)", false);
            }
        }
        if (rings.size() != 1) {
            throw new SigningKeyException(file + ": holds " + rings.size() + " secret keys; give a file with exactly"
                    + " one", false);
        }
        return rings.get(0);
    }

    private static Optional<PGPSecretKey> signingKey(PGPSecretKeyRing ring) {
        List<PGPSecretKey> usable = new ArrayList<>();
        ring.getSecretKeys().forEachRemaining(key -> {
            // isPrivateKeyEmpty: a stub left by gpg for a primary key kept offline cannot sign.
            if (key.isSigningKey() && !key.isPrivateKeyEmpty() && !key.getPublicKey().hasRevocation()
                    && !expired(key.getPublicKey()) && maySign(key.getPublicKey())) {
                usable.add(key);
            }
        });
        Optional<PGPSecretKey> newestSubkey = usable.stream().filter(key -> !key.isMasterKey())
                .max(Comparator.comparing(key -> key.getPublicKey().getCreationTime()));
        return newestSubkey.or(() -> usable.stream().filter(PGPSecretKey::isMasterKey).findFirst());
    }

    private static boolean expired(PGPPublicKey key) {
        long validSeconds = key.getValidSeconds();
        return validSeconds > 0
                && key.getCreationTime().toInstant().plusSeconds(validSeconds).isBefore(Instant.now());
    }

    /** The key flags of its self-signatures say it may sign data; without any flags, its algorithm decides. */
    private static boolean maySign(PGPPublicKey key) {
        boolean flagged = false;
        Iterator<PGPSignature> signatures = key.getSignatures();
        while (signatures.hasNext()) {
            PGPSignatureSubpacketVector hashed = signatures.next().getHashedSubPackets();
            if (hashed != null && hashed.getKeyFlags() != 0) {
                flagged = true;
                if ((hashed.getKeyFlags() & KeyFlags.SIGN_DATA) != 0) {
                    return true;
                }
            }
        }
        return !flagged;
    }

    /** The signing key's fingerprint, upper-case hex, as gpg shows it. */
    public String fingerprint() {
        return fingerprintOf(publicKey);
    }

    /** When the signing key was made; no signature of it may be older. */
    public Instant created() {
        return publicKey.getCreationTime().toInstant();
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    PGPPublicKey publicKey() {
        return publicKey;
    }

    private static String fingerprintOf(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    @Override
    public String toString() {
        return "SigningKey[" + fingerprint() + "]";
    }
}
