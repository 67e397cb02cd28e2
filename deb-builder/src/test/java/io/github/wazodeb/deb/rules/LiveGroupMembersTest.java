package io.github.wazodeb.deb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A group whose only member is a zombie has no live member, although {@code kill -0} still reaches it:
 * the case of a step's background process killed after its parent exited, waiting for init to reap it.
 */
class LiveGroupMembersTest {

    /** A child alone in a process group of its own that exits unreaped: its parent sleeps and never waits. */
    private static final String ZOMBIE_ALONE_IN_ITS_GROUP = String.join("\n",
            "import os, sys, time",
            "pid = os.fork()",
            "if pid == 0:",
            "    os.setpgid(0, 0)",
            "    os._exit(0)",
            "os.setpgid(pid, pid)",
            "print(pid, flush=True)",
            "time.sleep(300)");

    @Test
    void theJvmsOwnGroupHasALiveMember() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        long ownGroup = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);

        assertThat(LiveGroupMembers.any(ownGroup)).contains(true);
    }

    @Test
    void aGroupOfOneZombieHasNoLiveMemberThoughKillZeroReachesIt() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        Process parent = new ProcessBuilder("python3", "-c", ZOMBIE_ALONE_IN_ITS_GROUP).redirectErrorStream(true).start();
        try {
            long zombie = Long.parseLong(new BufferedReader(
                    new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII)).readLine().trim());
            awaitZombie(zombie);

            Process kill = new ProcessBuilder("sh", "-c", "kill -s 0 -- -" + zombie).start();
            assertThat(kill.waitFor()).as("kill -0 reaches the zombie's group").isZero();
            assertThat(LiveGroupMembers.any(zombie)).contains(false);
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    private static void awaitZombie(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String text = Files.readString(stat);
            if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                return;
            }
            assertThat(System.nanoTime()).as("process %d became a zombie within 10 s", pid).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
