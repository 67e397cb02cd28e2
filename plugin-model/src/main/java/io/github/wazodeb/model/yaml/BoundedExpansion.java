package io.github.wazodeb.model.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Counts, event by event as snakeyaml's composer pulls them, how big the document grows once every alias
 * is expanded, and stops at the first alias that takes it past a bound. An alias costs the size its anchor
 * was measured at, so nothing is ever expanded: an 850 KB file whose one 400 KB string is referred to
 * 150,000 times (60 GB to wazo-plugind's JSON listing) stops at its seventh alias. snakeyaml bounds only
 * aliases to collections, by number, which this kind of bomb does not need. Internal to plugin-model.
 *
 * <p>The expanded document is counted as the text's own bytes plus, for each alias, the size of what it
 * stands for: the UTF-8 bytes of every scalar's text under the anchor plus one per node. Checking at each
 * alias, against the whole text's size, means the error always names the alias that goes too far.
 */
final class BoundedExpansion implements Parser {

    private final Parser parser;
    private final long textBytes;
    private final long limit;
    private final Map<String, Long> anchorSizes = new HashMap<>();
    private final Deque<Frame> open = new ArrayDeque<>();
    /** The size of the nodes read so far, aliases expanded: anchors are measured as its difference. */
    private long size;
    private long addedByAliases;

    /** Bounds the expansion of {@code text}, read by {@code parser}, to 1 MiB or four times its size. */
    BoundedExpansion(Parser parser, String text) {
        this.parser = parser;
        this.textBytes = utf8Length(text);
        this.limit = Math.max(1L << 20, 4 * textBytes);
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = parser.getEvent();
        if (event instanceof ScalarEvent scalar) {
            long scalarSize = 1 + utf8Length(scalar.getValue());
            size += scalarSize;
            remember(scalar.getAnchor(), scalarSize);
            childDone(scalar.getValue());
        } else if (event instanceof AliasEvent alias) {
            // An anchor still open (a recursive alias) has no size yet; the loader refuses it anyway.
            long expanded = anchorSizes.getOrDefault(alias.getAnchor(), 0L);
            size += expanded;
            addedByAliases += expanded;
            if (textBytes + addedByAliases > limit) {
                throw new TooLarge(alias.getStartMark(), pathOfNextChild(), alias.getAnchor(), limit);
            }
            childDone(null);
        } else if (event instanceof CollectionStartEvent start) {
            size += 1;
            open.push(new Frame(start.getAnchor(), start instanceof MappingStartEvent, size - 1));
        } else if (event instanceof CollectionEndEvent && !open.isEmpty()) {
            Frame frame = open.pop();
            remember(frame.anchor, size - frame.sizeAtStart);
            childDone(null);
        }
        return event;
    }

    private void remember(String anchor, long nodeSize) {
        if (anchor != null) {
            anchorSizes.put(anchor, nodeSize);
        }
    }

    /** A node of the innermost open collection is complete; {@code keyText} is its text if it is a scalar. */
    private void childDone(String keyText) {
        Frame frame = open.peek();
        if (frame != null) {
            if (frame.mapping && frame.children % 2 == 0) {
                frame.key = keyText;
            }
            frame.children++;
        }
    }

    /** The key path of the node about to complete, as problems name it: {@code big[7]}, {@code a.b}. */
    private String pathOfNextChild() {
        StringBuilder path = new StringBuilder();
        for (Iterator<Frame> frames = open.descendingIterator(); frames.hasNext(); ) {
            Frame frame = frames.next();
            if (!frame.mapping) {
                path.append('[').append(frame.children).append(']');
            } else if (frame.children % 2 == 1 && frame.key != null) {
                path.append(path.length() == 0 ? "" : ".").append(frame.key);
            }
        }
        return path.toString();
    }

    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** One open collection: how many of its nodes are complete, and for a mapping the last key read. */
    private static final class Frame {
        final String anchor;
        final boolean mapping;
        final long sizeAtStart;
        int children;
        String key;

        Frame(String anchor, boolean mapping, long sizeAtStart) {
            this.anchor = anchor;
            this.mapping = mapping;
            this.sizeAtStart = sizeAtStart;
        }
    }

    /** Thrown out of the composer at the alias that goes past the bound: nothing more is read. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final transient Mark mark;
        final String path;
        final String anchor;
        final long limit;

        TooLarge(Mark mark, String path, String anchor, long limit) {
            super(null, null, false, false);
            this.mark = mark;
            this.path = path;
            this.anchor = anchor;
            this.limit = limit;
        }
    }
}
