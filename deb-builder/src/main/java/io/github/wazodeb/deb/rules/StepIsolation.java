package io.github.wazodeb.deb.rules;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What keeps this build's rules steps from leaving processes behind, decided once per build from what the
 * machine allows, best first:
 *
 * <ol>
 *   <li>a PID namespace per step (util-linux's {@code unshare --pid}; an unprivileged builder adds a user
 *       namespace that maps only itself, so the steps keep its identity): nothing a step starts can
 *       leave it, not even with {@code setsid}, and the namespace ends with the step;
 *   <li>a process group per step ({@code setsid}): a process that starts a session of its own escapes;
 *   <li>neither ({@code setsid} missing): only the processes Java sees as the step's descendants.
 * </ol>
 *
 * <p>The kernel alone knows whether a namespace is allowed here (root without {@code CAP_SYS_ADMIN} in a
 * container, unprivileged user namespaces switched off, a seccomp or AppArmor policy): one {@code unshare}
 * of {@code sh -c :} asks it. The programs are looked up on the {@code PATH} once, and run by absolute
 * path, so that starting a step tries no other directory.
 */
final class StepIsolation {

    enum Kind { PID_NAMESPACE, PROCESS_GROUP, PROCESS_TREE }

    private static final long PROBE_SECONDS = 30;

    private final Kind kind;
    private final String sh;
    private final Optional<String> setsid;
    private final List<String> unshare;
    private final boolean userNamespace;
    private final Optional<String> limitation;

    private StepIsolation(Kind kind, String sh, Optional<String> setsid, List<String> unshare,
            boolean userNamespace, Optional<String> limitation) {
        this.kind = kind;
        this.sh = sh;
        this.setsid = setsid;
        this.unshare = unshare;
        this.userNamespace = userNamespace;
        this.limitation = limitation;
    }

    /**
     * Finds the best this machine allows a builder who is (or is not) {@code root}.
     *
     * @param path the {@code PATH} the steps are started with
     */
    static StepIsolation detect(boolean root, String path) throws InterruptedException {
        String sh = FakerootDetector.findOnPath("sh", path).orElse("sh");
        Optional<String> setsid = FakerootDetector.findOnPath("setsid", path);
        if (setsid.isEmpty()) {
            return new StepIsolation(Kind.PROCESS_TREE, sh, setsid, List.of(), false,
                    Optional.of("setsid is not on the PATH"));
        }
        Optional<String> unshare = FakerootDetector.findOnPath("unshare", path);
        if (unshare.isEmpty()) {
            return new StepIsolation(Kind.PROCESS_GROUP, sh, setsid, List.of(), false,
                    Optional.of("unshare is not on the PATH"));
        }
        // --map-current-user (util-linux 2.38) and not --map-root-user: the build step must see the
        // builder's own uid, as it does without a namespace; fakeroot still gives the package step root.
        List<String> namespaces = root ? List.of("--pid") : List.of("--user", "--map-current-user", "--pid");
        List<String> probe = new ArrayList<>(List.of(unshare.get()));
        probe.addAll(namespaces);
        probe.addAll(List.of(sh, "-c", ":"));
        Optional<String> refusal = refusal(probe);
        if (refusal.isPresent()) {
            return new StepIsolation(Kind.PROCESS_GROUP, sh, setsid, List.of(), false,
                    Optional.of("unshare " + String.join(" ", namespaces) + ": " + refusal.get()));
        }
        List<String> command = new ArrayList<>(List.of(unshare.get()));
        command.addAll(namespaces);
        // --kill-child: if unshare dies (SIGKILL from the watchdog), the namespace's process 1 dies with
        // it, and the namespace with that.
        command.addAll(List.of("--fork", "--kill-child"));
        return new StepIsolation(Kind.PID_NAMESPACE, sh, setsid, List.copyOf(command), !root, Optional.empty());
    }

    /** Runs the probe; empty if it succeeded, else why not (unshare's first line of error). */
    private static Optional<String> refusal(List<String> probe) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(probe)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
        try (InputStream output = process.getInputStream()) {
            // Waited for first, which an interrupt can end: unshare says why in one short line, which the
            // pipe holds until it is read.
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("no answer within " + PROBE_SECONDS + " s");
            }
            if (process.exitValue() == 0) {
                return Optional.empty();
            }
            String said = new String(output.readNBytes(512), StandardCharsets.UTF_8).strip();
            String line = said.lines().findFirst().orElse("").replaceFirst("^unshare: ", "");
            return Optional.of(line.isEmpty() ? "exit status " + process.exitValue() : line);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    Kind kind() {
        return kind;
    }

    /** {@code sh}, by absolute path where the {@code PATH} has it. */
    String sh() {
        return sh;
    }

    /** {@code setsid}, by absolute path; empty for {@link Kind#PROCESS_TREE}. */
    Optional<String> setsid() {
        return setsid;
    }

    /** The {@code unshare} command the step's init runs under; empty unless {@link Kind#PID_NAMESPACE}. */
    List<String> unshare() {
        return unshare;
    }

    /**
     * Whether the steps run in a user namespace of their own: fakeroot must then not try real
     * {@code chown}s, which fail there with EINVAL (an unmapped user) instead of the EPERM it ignores.
     */
    boolean userNamespace() {
        return userNamespace;
    }

    /** The warning a build gives once when its steps have no PID namespace; empty when they have one. */
    Optional<String> warning() {
        return limitation.map(why -> kind == Kind.PROCESS_TREE
                ? "the rules steps run without a process group or PID namespace of their own (" + why
                        + "): a process they leave running in the background can outlive the build"
                : "the rules steps run without a PID namespace of their own (" + why
                        + "): a process they start with setsid, such as a daemon, can outlive the build");
    }
}
