package io.github.wazodeb.deb.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines a step printed, kept so a failure can show them. Thread-safe. */
final class OutputTail {

    private final int capacity;
    private final Deque<String> lines;

    OutputTail(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** {@code "; last lines:\n  ..."} or {@code "; it printed nothing"}. */
    synchronized String describe() {
        if (lines.isEmpty()) {
            return "; it printed nothing";
        }
        StringBuilder text = new StringBuilder("; last lines:");
        for (String line : lines) {
            text.append("\n  ").append(line);
        }
        return text.toString();
    }
}
