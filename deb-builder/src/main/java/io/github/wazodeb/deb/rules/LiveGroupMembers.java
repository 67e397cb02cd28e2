package io.github.wazodeb.deb.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a process group still has a member that is not a zombie, read from Linux's {@code /proc}.
 * {@code kill -0 -- -PGID} also succeeds for a group of zombies: a step's background process killed after
 * its parent exited waits for init to reap it, every two seconds on some machines and never where a
 * process that does not reap (a JVM) is pid 1; counting it would make every stop wait out its grace.
 */
final class LiveGroupMembers {

    private static final Path PROC = Path.of("/proc");

    private LiveGroupMembers() {
    }

    /** Whether a process other than a zombie is in group {@code groupId}; empty where /proc cannot tell. */
    static Optional<Boolean> any(long groupId) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, LiveGroupMembers::isProcess)) {
            for (Path process : processes) {
                if (isLiveMember(process, groupId)) {
                    return Optional.of(true);
                }
            }
            return Optional.of(false);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isProcess(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** {@code /proc/PID/stat}: "pid (comm) state ppid pgrp ...", comm may hold spaces and parentheses. */
    private static boolean isLiveMember(Path process, long groupId) {
        String stat;
        try {
            stat = new String(Files.readAllBytes(process.resolve("stat")), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return false; // it has exited since the listing
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
        char state = fields[0].charAt(0);
        return Long.parseLong(fields[2]) == groupId && state != 'Z' && state != 'X';
    }
}
