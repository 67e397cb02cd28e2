package io.github.wazodeb.deb.archive;

/** The refusal of a payload that changed while the package was written from it. */
final class PayloadChanges {

    private PayloadChanges() {
    }

    /** {@code path} was not the same on two reads: md5sums, Installed-Size and data.tar could disagree. */
    static PayloadException changed(String path) {
        return new PayloadException(path, "payload entry \"" + (path.isEmpty() ? "." : FileNames.display(path))
                + "\" changed while being packaged: a process the rules steps started is still writing it");
    }
}
