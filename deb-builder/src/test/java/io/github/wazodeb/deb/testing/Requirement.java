package io.github.wazodeb.deb.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Something of the machine's that a dpkg test needs; {@link #problem()} says what is wrong, if anything. */
public enum Requirement {
    /** dpkg chroots into the throw-away root to run maintainer scripts, which only root may do. */
    ROOT {
        @Override
        Optional<String> check() {
            CommandResult id = Commands.run(List.of("id", "-u"));
            return id.succeeded() && id.output().strip().equals("0")
                    ? Optional.empty()
                    : Optional.of("not running as root (id -u says " + id.output().strip() + ")");
        }
    },
    DPKG("dpkg", "dpkg", "dpkg-query"),
    DPKG_DEB("dpkg", "dpkg-deb"),
    /** dpkg-gencontrol computes Installed-Size the way Debian's own packaging does. */
    DPKG_GENCONTROL("dpkg-dev", "dpkg-gencontrol"),
    /**
     * The only program inside the throw-away root: it must run there without shared libraries, so it
     * has to be a static build, as Debian's busybox-static is.
     */
    BUSYBOX {
        @Override
        Optional<String> check() {
            if (!Files.isRegularFile(BUSYBOX_PATH) || !Files.isExecutable(BUSYBOX_PATH)) {
                return Optional.of(BUSYBOX_PATH + " is missing (install Debian's busybox-static)");
            }
            try {
                return hasInterpreter(BUSYBOX_PATH)
                        ? Optional.of(BUSYBOX_PATH + " is dynamically linked and cannot run in an empty root"
                                + " (install Debian's busybox-static)")
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.of("cannot read " + BUSYBOX_PATH + ": " + e.getMessage());
            }
        }
    },
    LINTIAN("lintian", "lintian"),
    FAKEROOT("fakeroot", "fakeroot"),
    /** Debian's /bin/sh: maintainer scripts must parse with it. */
    DASH("dash", "dash"),
    CHROOT("coreutils", "chroot"),
    /** Makes the repositories that git sources are built from. */
    GIT("git", "git"),
    /** Drops root to run a build as an ordinary user. */
    SETPRIV("util-linux", "setpriv"),
    AR("binutils", "ar"),
    XZ("xz-utils", "xz"),
    ZSTD("zstd", "zstd"),
    TAR("tar", "tar"),
    /** The provd tests compare wazo-deb's in-process copies with rsync's own. */
    RSYNC("rsync", "rsync"),
    /** Runs provd build.py targets and reads their output as wazo-provd would (json, tarfile, configparser);
     *  holds a POSIX lock as another process would. */
    PYTHON3("python3", "python3"),
    MD5SUM("coreutils", "md5sum"),
    MKFIFO("coreutils", "mkfifo"),
    /** Starts each rules step in a process group of its own. */
    SETSID("util-linux", "setsid"),
    /** Lists the payload inside the fakeroot session. */
    FIND("findutils", "find"),
    /** apt reads the repositories wazo-deb writes. */
    APT_GET("apt", "apt-get"),
    /** What apt runs to check a repository's signature. */
    GPGV("gpgv", "gpgv");

    /** Where {@link #BUSYBOX} looks for the static busybox. */
    public static final Path BUSYBOX_PATH = Path.of("/bin/busybox");

    /** The Debian package that ships {@link #programs}, for the message; null where the check is not a program. */
    private final String debianPackage;
    private final List<String> programs;
    private volatile Optional<String> problem;

    /** A requirement with its own {@link #check()}. */
    Requirement() {
        this.debianPackage = null;
        this.programs = List.of();
    }

    /** A requirement met when every one of {@code programs} is on {@link Commands#PATH}. */
    Requirement(String debianPackage, String... programs) {
        this.debianPackage = debianPackage;
        this.programs = List.of(programs);
    }

    /** What is missing, or empty when the machine has it. Checked once per JVM. */
    public Optional<String> problem() {
        Optional<String> known = problem;
        if (known == null) {
            known = check();
            problem = known;
        }
        return known;
    }

    Optional<String> check() {
        for (String program : programs) {
            if (Commands.locate(program).isEmpty()) {
                return Optional.of(program + " is not on PATH " + Commands.PATH
                        + " (install Debian's " + debianPackage + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether an ELF file asks for a program interpreter (PT_INTERP), that is, is dynamically linked. */
    private static boolean hasInterpreter(Path elf) throws IOException {
        try (FileChannel channel = FileChannel.open(elf)) {
            ByteBuffer header = ByteBuffer.allocate(64);
            channel.read(header, 0);
            header.flip();
            if (header.remaining() < 52 || header.getInt(0) != 0x7f454c46) {
                throw new IOException("not an ELF file");
            }
            boolean is64 = header.get(4) == 2;
            header.order(header.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            long programHeaders = is64 ? header.getLong(32) : Integer.toUnsignedLong(header.getInt(28));
            int entrySize = Short.toUnsignedInt(header.getShort(is64 ? 54 : 42));
            int entries = Short.toUnsignedInt(header.getShort(is64 ? 56 : 44));
            ByteBuffer type = ByteBuffer.allocate(4).order(header.order());
            for (int i = 0; i < entries; i++) {
                type.clear();
                channel.read(type, programHeaders + (long) i * entrySize);
                if (type.getInt(0) == 3) {
                    return true;
                }
            }
            return false;
        }
    }
}
