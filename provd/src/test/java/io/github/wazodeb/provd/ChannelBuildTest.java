package io.github.wazodeb.provd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.channel.PluginsIndex;
import io.github.wazodeb.provd.testing.ProvdTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provd build}: archives and plugins.db in the published shape, read by Python as wazo-provd reads them. */
class ChannelBuildTest {

    private static final Instant TIMESTAMP = Instant.parse("2024-05-01T12:00:00Z");

    /** Checks plugins.db and each archive with Python's json, hashlib and tarfile, printing what it read. */
    private static final String PYTHON_READER = """
            import hashlib, json, os, sys, tarfile
            channel = sys.argv[1]
            with open(os.path.join(channel, 'plugins.db')) as f:
                db = json.load(f)
            for pid in sorted(db):
                info = db[pid]
                path = os.path.join(channel, info['filename'])
                with open(path, 'rb') as f:
                    data = f.read()
                assert hashlib.sha1(data).hexdigest() == info['sha1sum'], pid
                assert len(data) == info['dsize'], pid
                with tarfile.open(path) as tar:
                    names = tar.getnames()
                    assert min(names) == pid, (pid, min(names))
                    member = tar.getmember(pid + '/plugin-info')
                    assert json.load(tar.extractfile(member))['version'] == info['version']
                    owners = {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in tar.getmembers()}
                print(pid, info['version'], info['description'], len(names), owners)
            """;

    @TempDir
    Path work;

    @Test
    void theChannelHoldsOneArchivePerPluginAndAnIndexPythonReads() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        Path tree = ProvdTrees.standard(work.resolve("plugins"));
        Path channel = work.resolve("testing");

        List<ChannelBuild.Published> published = new ChannelBuild(tree, channel, List.of(), TIMESTAMP,
                ProvdListener.SILENT).run();

        assertThat(published).extracting(ChannelBuild.Published::archive).extracting(path -> path.getFileName().toString())
                .containsExactly("wazo-acme-1.0-1.0.9.tar.bz2", "wazo-acme-2.0-2.0.0.tar.bz2", "wazo-acme-gen-0.1.tar.bz2",
                        "wazo-beta-1.0-1.0.tar.bz2");
        PluginsIndex index = Channel.read(channel).index();
        ChannelBuild.Published first = published.get(0);
        assertThat(index.entries().get("wazo-acme-1.0").sha1sum()).isEqualTo(first.sha1sum())
                .isEqualTo(Channel.sha1(first.archive()));
        assertThat(index.entries().get("wazo-acme-1.0").dsize()).isEqualTo(Files.size(first.archive()));

        String read = Commands.stdoutOf("python3", "-c", PYTHON_READER, channel.toString());
        assertThat(read.lines()).containsExactly(
                "wazo-acme-1.0 1.0.9 Acme A1 and A2, firmware 1 20 {(0, 0, 'root', 'root', 1714564800)}",
                "wazo-acme-2.0 2.0.0 Acme A2, firmware 2 20 {(0, 0, 'root', 'root', 1714564800)}",
                "wazo-acme-gen 0.1 Acme generated templates 11 {(0, 0, 'root', 'root', 1714564800)}",
                "wazo-beta-1.0 1.0 Beta \u00e9t\u00e9 phones 5 {(0, 0, 'root', 'root', 1714564800)}");
    }

    @Test
    void theIndexIsWrittenAsPythonsJsonDumpWithSortedKeysWritesIt() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        Path channel = work.resolve("testing");
        new ChannelBuild(ProvdTrees.standard(work.resolve("plugins")), channel, List.of(), TIMESTAMP,
                ProvdListener.SILENT).run();

        String python = Commands.stdoutOf("python3", "-c", """
                import json, sys
                with open(sys.argv[1]) as f:
                    db = json.load(f)
                sys.stdout.write(json.dumps(db, sort_keys=True, separators=(',', ':')))
                """, channel.resolve("plugins.db").toString());

        assertThat(Files.readString(channel.resolve("plugins.db"))).isEqualTo(python).contains("\\u00e9t\\u00e9");
    }

    @Test
    void twoBuildsGiveTheSameBytes() throws Exception {
        Path tree = ProvdTrees.standard(work.resolve("plugins"));
        new ChannelBuild(tree, work.resolve("one"), List.of(), TIMESTAMP, ProvdListener.SILENT).run();
        // A later clock and touched sources change nothing.
        Files.setLastModifiedTime(tree.resolve("wazo_acme/common/common.py"),
                java.nio.file.attribute.FileTime.from(Instant.now()));
        new ChannelBuild(tree, work.resolve("two"), List.of(), TIMESTAMP, ProvdListener.SILENT).run();

        List<Path> files = list(work.resolve("one"));
        assertThat(files).hasSize(5);
        for (Path file : files) {
            assertThat(work.resolve("two").resolve(file.getFileName())).as(file.getFileName().toString())
                    .hasSameBinaryContentAs(file);
        }
    }

    @Test
    void aFailingTargetFailsTheBuildNamingItAndWritesNothing() {
        Requirements.assumeAvailable(Requirement.PYTHON3, Requirement.RSYNC);
        Path tree = ProvdTrees.failing(ProvdTrees.standard(work.resolve("plugins")));
        Path channel = work.resolve("testing");

        assertThatThrownBy(() -> new ChannelBuild(tree, channel, List.of(), TIMESTAMP, ProvdListener.SILENT).run())
                .isInstanceOf(ProvdBuildException.class)
                .hasMessageContaining("wazo_broken target 1.0 (wazo-broken-1.0) failed with exit status 1")
                .hasMessageContaining("RuntimeError: firmware list is missing");
        assertThat(channel).doesNotExist();
    }

    @Test
    void onlyTheNamedFamiliesAndTargetsAreBuilt() throws Exception {
        Path channel = work.resolve("testing");
        new ChannelBuild(ProvdTrees.standard(work.resolve("plugins")), channel, List.of("wazo_beta", "wazo_acme/v2"),
                TIMESTAMP, ProvdListener.SILENT).run();

        assertThat(Channel.read(channel).index().entries()).containsOnlyKeys("wazo-acme-2.0", "wazo-beta-1.0");
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
