package io.github.wazodeb.deb.inspect;

import java.io.IOException;

/** The file is not a Debian package wazo-deb can read. */
public class InvalidPackageException extends IOException {

    public InvalidPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
