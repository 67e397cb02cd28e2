package io.github.wazodeb.repo.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Makes a fresh OpenPGP key for a test, as a repository owner would have one: an Ed25519 primary key that
 * certifies and signs, its secret part armoured and protected by a passphrase (as
 * {@code gpg --armor --export-secret-keys} writes it), and its public part as a binary keyring (what
 * {@code gpg --export} writes, and what apt's {@code signed-by} and {@code gpgv --keyring} read).
 */
public final class TestKeys {

    /** The files of one key. */
    public record TestKey(Path secretKeyFile, Path publicKeyring, String passphrase, String fingerprint) {
    }

    private TestKeys() {
    }

    /** A key made an hour ago (so any signature made now is after it), in {@code directory}. */
    public static TestKey generate(Path directory, String passphrase) {
        return generate(directory, passphrase, Instant.now().minusSeconds(3600));
    }

    /** A key made at {@code created}, written to {@code directory/secret.asc} and {@code directory/public.gpg}. */
    public static TestKey generate(Path directory, String passphrase, Instant created) {
        try {
            Files.createDirectories(directory);
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            PGPKeyPair keyPair = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY,
                    pair, Date.from(created));
            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
            flags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            flags.setSignatureCreationTime(false, Date.from(created));
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, keyPair,
                    "wazo-deb test key <test@example.org>", sha1, flags.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                    new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), 0x60)
                            .build(passphrase.toCharArray()));

            Path secret = directory.resolve("secret.asc");
            ByteArrayOutputStream armoured = new ByteArrayOutputStream();
            try (OutputStream armour = new ArmoredOutputStream(armoured)) {
                rings.generateSecretKeyRing().encode(armour);
            }
            Files.write(secret, armoured.toByteArray());
            Path publicKeyring = directory.resolve("public.gpg");
            Files.write(publicKeyring, rings.generatePublicKeyRing().getEncoded());
            String fingerprint = HexFormat.of().withUpperCase().formatHex(keyPair.getPublicKey().getFingerprint());
            return new TestKey(secret, publicKeyring, passphrase, fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PGPException e) {
            throw new IllegalStateException("cannot make a test key", e);
        }
    }
}
