package io.github.wazodeb.deb.archive;

import java.io.IOException;

/** The staging tree holds something a package cannot carry (a FIFO, a socket, a device, a bad name). */
public class PayloadException extends IOException {

    private final String path;

    public PayloadException(String path, String message) {
        super(message);
        this.path = path;
    }

    /** The offending entry, relative to the staging root. */
    public String path() {
        return path;
    }
}
