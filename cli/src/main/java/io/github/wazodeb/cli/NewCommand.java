package io.github.wazodeb.cli;

import io.github.wazodeb.deb.IoMessages;
import io.github.wazodeb.scaffold.CiSystem;
import io.github.wazodeb.scaffold.InvalidSkeletonException;
import io.github.wazodeb.scaffold.PluginSkeleton;
import io.github.wazodeb.scaffold.SkeletonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wazo-deb new DIR --name NAME --namespace NS}: a plugin that validates and packages as written. */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = {
                "Writes a new plugin into DIR: wazo/plugin.yml, an executable wazo/rules with every step, "
                        + "a README and a .gitignore, optionally a pom.xml and CI pipelines. It validates "
                        + "with no warning and packages at once.",
                "",
                "Prints each file written on standard output."})
final class NewCommand implements Callable<Integer> {

    /** Which pipelines {@code --ci} writes. */
    enum Ci {
        github(EnumSet.of(CiSystem.GITHUB)),
        gitlab(EnumSet.of(CiSystem.GITLAB)),
        both(EnumSet.allOf(CiSystem.class));

        private final Set<CiSystem> systems;

        Ci(Set<CiSystem> systems) {
            this.systems = systems;
        }
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "The directory to write the plugin into; created if missing, and must be empty "
                    + "unless --force is given.")
    private Path directory;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "The plugin's name: lower-case letters, digits and '-'.")
    private String name;

    @Option(names = "--namespace", required = true, paramLabel = "NS",
            description = "The plugin's namespace, which identifies its author: lower-case letters and digits.")
    private String namespace;

    @Option(names = "--maven", description = "Also write a pom.xml whose build runs wazo:validate and wazo:package.")
    private boolean maven;

    @Option(names = "--ci", paramLabel = "github|gitlab|both",
            description = "Also write CI that validates and packages on every push, publishes to the "
                    + "testing suite of an apt repository on the default branch and promotes to stable on a "
                    + "tag: .github/workflows/wazo-plugin.yml, .gitlab-ci.yml, or both.")
    private Ci ci;

    @Option(names = "--force",
            description = "Write into a directory that is not empty, replacing files of the same names.")
    private boolean force;

    @Override
    public Integer call() throws UsageException {
        PluginSkeleton skeleton = new PluginSkeleton(name, namespace, maven, ci == null ? Set.of() : ci.systems);
        PrintWriter err = spec.commandLine().getErr();
        List<Path> written;
        try {
            written = SkeletonWriter.write(skeleton, directory, force);
        } catch (InvalidSkeletonException e) {
            throw new UsageException(String.join(System.lineSeparator() + "wazo-deb: ", e.problems()));
        } catch (IOException e) {
            err.println("wazo-deb: cannot write the plugin into " + directory + ": " + IoMessages.describe(e)
                    + "; nothing of it was left there");
            err.flush();
            return ExitCodes.BUILD_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(out::println);
        out.flush();
        err.println("wazo-deb: wrote the plugin " + namespace + "/" + name + " in " + directory
                + "; next: wazo-deb package " + directory + " -o dist/");
        err.flush();
        return ExitCodes.DONE;
    }
}
