package io.github.wazodeb.repo.sign;

/** The key file cannot sign: not an OpenPGP secret key, no key that may sign, or a passphrase that does not unlock it. */
public final class SigningKeyException extends Exception {

    private final boolean wrongPassphrase;

    SigningKeyException(String message, boolean wrongPassphrase) {
        super(message);
        this.wrongPassphrase = wrongPassphrase;
    }

    /** Whether the key is fine but the passphrase given does not unlock it. */
    public boolean wrongPassphrase() {
        return wrongPassphrase;
    }
}
