package io.github.wazodeb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.RulesStep;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MavenLogListenerTest {

    /** Records what reaches the log, one entry per call, prefixed with its level. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> entries = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            entries.add("INFO " + content);
        }

        @Override
        public void warn(CharSequence content) {
            entries.add("WARN " + content);
        }
    }

    @Test
    void rulesOutputIsLoggedAsInfoPrefixedWithItsStep() {
        RecordingLog log = new RecordingLog();

        new MavenLogListener(log).rulesOutput(RulesStep.PACKAGE, "copying hello-world.conf");

        assertThat(log.entries).containsExactly("INFO [rules package] copying hello-world.conf");
    }

    @Test
    void warningsAreLoggedAsWarningsInTheirUsualForm() {
        RecordingLog log = new RecordingLog();
        Problem problem = new Problem(Severity.WARNING, "wazo/plugin.yml", 3, 10, "version", "1.10",
                "should be quoted");

        new MavenLogListener(log).warning(problem);

        assertThat(log.entries).containsExactly("WARN " + problem.format());
    }

    @Test
    void warningsAlreadyLoggedByValidateAreNotLoggedAgain() {
        RecordingLog log = new RecordingLog();
        Problem problem = new Problem(Severity.WARNING, "wazo/plugin.yml", 3, 10, "version", "1.10",
                "should be quoted");

        new MavenLogListener(log, false).warning(problem);

        assertThat(log.entries).isEmpty();
    }

    @Test
    void linesFromSeveralThreadsAllArriveWhole() throws InterruptedException {
        RecordingLog log = new RecordingLog();
        MavenLogListener listener = new MavenLogListener(log);
        List<Thread> threads = new ArrayList<>();
        for (RulesStep step : RulesStep.values()) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    listener.rulesOutput(step, "line " + i);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        // The recording log is an unsynchronised ArrayList: without the listener's lock, entries get lost.
        assertThat(log.entries).hasSize(4000).allMatch(entry -> entry.matches("INFO \\[rules (build|package)] line \\d+"));
    }
}
