package io.github.wazodeb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The live processes whose command line holds a test's unique marker, read from {@code /proc}: what a
 * build left running. The marker goes into the {@code --temp-dir} path, so every process running the
 * working copy's {@code wazo/rules} has it on its command line, and into the name of the {@code sleep}
 * link the test's rules start ({@link #lingeringChildren}). Zombies have an empty command line and do
 * not count; they run nothing.
 */
final class MarkedProcesses {

    private MarkedProcesses() {
    }

    /** A marker no other process on the machine has on its command line. */
    static String newMarker() {
        return "wazoit" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Shell lines for a rules step that leaves processes behind, all carrying {@code marker}: a
     * {@code sleep} link named after it, one copy double-forked (reparented away from the step) and
     * ignoring SIGTERM, one plain background child.
     */
    static String lingeringChildren(String marker) {
        return "ln -sf \"$(command -v sleep)\" \"./sleep-" + marker + "\"\n"
                + "( (trap '' TERM; exec \"./sleep-" + marker + "\" 600) & )\n"
                + "\"./sleep-" + marker + "\" 600 &\n";
    }

    /**
     * Shell lines for a rules step that starts processes which leave its process group, all carrying
     * {@code marker}: three started with {@code setsid} in the background (a session of their own each,
     * still holding the step's output), and a daemon (double-forked, {@code setsid}, its output closed).
     */
    static String escapingChildren(String marker) {
        String sleep = "\"./sleep-" + marker + "\"";
        return "ln -sf \"$(command -v sleep)\" " + sleep + "\n"
                + ("setsid " + sleep + " 600 &\n").repeat(3)
                + "( (exec setsid " + sleep + " 600 </dev/null >/dev/null 2>&1) & )\n";
    }

    /** One {@code "PID: command line"} per live process mentioning {@code marker}. */
    static List<String> mentioning(String marker) {
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"),
                p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                String commandLine = commandLine(process);
                if (commandLine.contains(marker)) {
                    found.add(process.getFileName() + ": " + commandLine);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
        return found;
    }

    /**
     * Polls until no live process mentions {@code marker} or {@code timeout} has passed, and returns what is
     * left (empty when all are gone). A process sent SIGKILL still needs to be scheduled to die, which on a
     * loaded machine takes a moment: hence the poll rather than one look.
     */
    static List<String> awaitNone(String marker, Duration timeout) throws InterruptedException {
        return poll(() -> mentioning(marker), List::isEmpty, timeout);
    }

    /**
     * The watchdogs ({@code wazo-deb-watchdog}, see deb-builder's Watchdog) of the builds that run a step
     * whose command line holds {@code marker}, as {@code "PID: command line"}: a build has one watchdog,
     * whose command line ends with the pid of the build's JVM, an ancestor of the step's processes. The JVM
     * starts the watchdog in the background, so the step may print before it exists: polls until one is
     * found or {@code timeout} has passed.
     */
    static List<String> awaitWatchdogsOf(String marker, Duration timeout) throws InterruptedException {
        return poll(() -> watchdogsOf(marker), found -> !found.isEmpty(), timeout);
    }

    private static List<String> watchdogsOf(String marker) {
        Set<String> ancestors = new HashSet<>();
        for (String line : mentioning(marker)) {
            for (long pid = Long.parseLong(line.substring(0, line.indexOf(':'))); pid > 1; pid = parent(pid)) {
                ancestors.add(Long.toString(pid));
            }
        }
        return mentioning("wazo-deb-watchdog").stream()
                .filter(line -> ancestors.contains(line.substring(line.stripTrailing().lastIndexOf(' ') + 1).strip()))
                .toList();
    }

    /** The parent's pid from {@code /proc/PID/stat} ("pid (comm) state ppid ..."), 0 once the process is gone. */
    private static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ", 3)[1]);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Polls until none of {@code watchdogs} (from {@link #awaitWatchdogsOf}) runs, and returns those still running. */
    static List<String> awaitGone(List<String> watchdogs, Duration timeout) throws InterruptedException {
        return poll(() -> stillRunning(watchdogs), List::isEmpty, timeout);
    }

    /** Looks every 50 ms until what {@code look} finds is {@code enough} or {@code timeout} has passed; returns the last look. */
    private static List<String> poll(Supplier<List<String>> look, Predicate<List<String>> enough, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> found = look.get();
        while (!enough.test(found) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = look.get();
        }
        return found;
    }

    private static List<String> stillRunning(List<String> processes) {
        return processes.stream()
                .filter(line -> commandLine(Path.of("/proc", line.substring(0, line.indexOf(':'))))
                        .equals(line.substring(line.indexOf(':') + 2)))
                .toList();
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // it exited while we looked
        }
    }
}
