package io.github.wazodeb.repo.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

/**
 * Signs a {@code Release} file both ways apt reads: clear-signed ({@code InRelease}) and a detached,
 * armoured signature ({@code Release.gpg}). SHA-512, which every apt verifier accepts (SHA-1 is refused). The
 * armour has no {@code Version} header, so the bytes do not change with the Bouncy Castle version; with an
 * RSA or EdDSA key and a fixed time the signature itself is the same every time.
 */
public final class ReleaseSigner {

    private static final int HASH = HashAlgorithmTags.SHA512;

    private final SigningKey key;

    public ReleaseSigner(SigningKey key) {
        this.key = key;
    }

    /**
     * The signature time for a release dated {@code date}: that date, or the key's creation if later (a
     * verifier refuses a signature older than its key).
     */
    public Instant signatureTime(Instant date) {
        return date.isBefore(key.created()) ? key.created() : date;
    }

    /** {@code InRelease}: the text, then its signature, in one armoured file (RFC 4880, section 7). */
    public byte[] clearSign(String text, Instant date) {
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        PGPSignatureGenerator generator = generator(PGPSignature.CANONICAL_TEXT_DOCUMENT, date);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armour = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            armour.beginClearText(HASH);
            for (int i = 0; i < count; i++) {
                // The signed text: trailing blanks dropped, lines joined by CR LF, none after the last.
                String signedLine = lines[i].replaceFirst("[ \t]+$", "");
                generator.update(signedLine.getBytes(StandardCharsets.UTF_8));
                if (i < count - 1) {
                    generator.update(new byte[] {'\r', '\n'});
                }
                // The armour dash-escapes a line that starts with '-' itself.
                armour.write((lines[i] + "\n").getBytes(StandardCharsets.UTF_8));
            }
            armour.endClearText();
            writeSignature(generator, armour);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** {@code Release.gpg}: the armoured signature of exactly these bytes. */
    public byte[] detachedSign(byte[] content, Instant date) {
        PGPSignatureGenerator generator = generator(PGPSignature.BINARY_DOCUMENT, date);
        generator.update(content);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armour = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            writeSignature(generator, armour);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The signature of what {@code generator} was fed, as a packet in {@code armour}, which it then closes. */
    private static void writeSignature(PGPSignatureGenerator generator, ArmoredOutputStream armour)
            throws IOException {
        try (BCPGOutputStream packets = new BCPGOutputStream(armour)) {
            generator.generate().encode(packets);
        } catch (PGPException e) {
            throw new IllegalStateException("signing with an unlocked key failed", e);
        }
    }

    private PGPSignatureGenerator generator(int signatureType, Instant date) {
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HASH), key.publicKey());
        try {
            generator.init(signatureType, key.privateKey());
        } catch (PGPException e) {
            throw new IllegalStateException("an unlocked key cannot start a signature", e);
        }
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(signatureTime(date)));
        hashed.setIssuerFingerprint(false, key.publicKey());
        generator.setHashedSubpackets(hashed.generate());
        PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
        // Older verifiers (gpgv before 2.2) look the key up by this 64-bit id only.
        unhashed.setIssuerKeyID(false, key.publicKey().getKeyID());
        generator.setUnhashedSubpackets(unhashed.generate());
        return generator;
    }
}
