package io.github.wazodeb.deb.stage;

import io.github.wazodeb.deb.BuildException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What the rules steps must not do to the payload and the working copy (SPEC section 2), checked once they
 * ran and before anything of theirs is read.
 */
public final class PayloadChecks {

    private PayloadChecks() {
    }

    /**
     * @param payload the {@code pkgdir} the package step was given
     * @param workingDirectory where the steps ran, whose {@code wazo/rules} the package will ship
     */
    public static void afterSteps(Path payload, Path workingDirectory, String namespace, String name)
            throws BuildException {
        if (Files.isSymbolicLink(payload)) {
            throw new BuildException("the package step replaced ${pkgdir} (" + payload
                    + ") with a symbolic link: fill the directory it is given instead");
        }
        if (!Files.isDirectory(payload, LinkOption.NOFOLLOW_LINKS)) {
            throw new BuildException("the package step removed ${pkgdir} (" + payload
                    + "): fill the directory it is given instead");
        }
        if (Files.exists(payload.resolve("DEBIAN"), LinkOption.NOFOLLOW_LINKS)) {
            throw new BuildException("payload entry \"DEBIAN\" is dpkg-deb's control folder, not something to "
                    + "install (wazo-plugind refuses it too): put maintainer actions in wazo/rules install "
                    + "and uninstall");
        }
        Path ownFolder = PluginFolderCopier.installedPath(namespace, name).getParent();
        if (Files.exists(payload.resolve(ownFolder.toString()), LinkOption.NOFOLLOW_LINKS)) {
            throw new BuildException("payload entry \"" + ownFolder + "\" is the plugin's own folder, which "
                    + "wazo-deb fills with the plugin's wazo/ folder: install files elsewhere");
        }
        rulesIntact(workingDirectory);
    }

    /**
     * The steps left {@code wazo/rules} an executable file: checked after each step, so that a build step
     * that removed it is named as such rather than failing to start the package step.
     */
    public static void rulesIntact(Path workingDirectory) throws BuildException {
        Path rules = workingDirectory.resolve("wazo").resolve("rules");
        if (!Files.isRegularFile(rules)) {
            throw new BuildException("the rules steps removed wazo/rules: the package's maintainer scripts "
                    + "call it, so the package could be neither configured nor removed");
        }
        if (!Files.isExecutable(rules)) {
            throw new BuildException("the rules steps made wazo/rules non-executable: the package's "
                    + "maintainer scripts call it, so the package could be neither configured nor removed");
        }
    }
}
