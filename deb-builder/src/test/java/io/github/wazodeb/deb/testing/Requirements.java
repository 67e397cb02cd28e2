package io.github.wazodeb.deb.testing;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether a test that needs the real Debian tools may run here. Where one is missing the test is
 * skipped with the reason printed, unless {@code WAZODEB_REQUIRE_DPKG=1} is set (CI sets it): then it fails,
 * so a misconfigured CI machine cannot pass by skipping everything.
 */
public final class Requirements {

    public static final String REQUIRE_VARIABLE = "WAZODEB_REQUIRE_DPKG";

    /** What a {@link DpkgSandbox} with {@link StandInPackages} needs. */
    public static final Set<Requirement> SANDBOX =
            EnumSet.of(Requirement.ROOT, Requirement.DPKG, Requirement.DPKG_DEB, Requirement.BUSYBOX);

    private Requirements() {
    }

    /** Skips, or with {@code WAZODEB_REQUIRE_DPKG=1} fails, the calling test unless all of {@code needed} are here. */
    public static void assumeAvailable(Requirement... needed) {
        assumeAvailable(EnumSet.copyOf(Arrays.asList(needed)));
    }

    /** Skips, or with {@code WAZODEB_REQUIRE_DPKG=1} fails, the calling test unless all of {@code needed} are here. */
    public static void assumeAvailable(Set<Requirement> needed) {
        abortOrFailIfMissing(missing(needed), System.getenv(REQUIRE_VARIABLE));
    }

    /** The decision, apart from the machine: {@code requireValue} is the variable's value, or null. */
    static void abortOrFailIfMissing(List<String> missing, String requireValue) {
        if (missing.isEmpty()) {
            return;
        }
        String reason = "needs " + String.join("; ", missing);
        if ("1".equals(requireValue)) {
            throw new AssertionError(reason + " (" + REQUIRE_VARIABLE + "=1 makes this a failure, not a skip)");
        }
        System.out.println("Skipping: " + reason);
        Assumptions.abort(reason);
    }

    /** One line per requirement the machine lacks, empty when it has them all. */
    public static List<String> missing(Set<Requirement> needed) {
        return needed.stream().flatMap(requirement -> requirement.problem().stream()).toList();
    }
}
