package io.github.wazodeb.deb.batch;

import io.github.wazodeb.deb.batch.PluginSet.Member;
import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.PluginDependency;
import io.github.wazodeb.model.PluginReader;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The order to build a {@link PluginSet} in: each plugin after the plugins of the set it {@code depends} on
 * (a dependency outside the set is someone else's to build), and otherwise by {@code <namespace>/<name>},
 * so the same set always builds in the same order whatever order the directories were given in.
 *
 * @param plugins the set's plugins, in build order
 */
public record BuildOrder(List<Member> plugins) {

    private static final Comparator<Member> BY_ID = Comparator.comparing(Member::id);

    public BuildOrder {
        plugins = List.copyOf(plugins);
    }

    /**
     * Orders the set (Kahn's topological sort, taking the smallest ready plugin first).
     *
     * @throws InvalidPluginException one problem per dependency cycle, naming the plugins in it
     */
    public static BuildOrder of(PluginSet set) throws InvalidPluginException {
        Map<String, Member> byId = new TreeMap<>();
        set.plugins().forEach(member -> byId.put(member.id(), member));
        Map<String, Set<String>> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (Member member : byId.values()) {
            Set<String> inSet = new LinkedHashSet<>();
            for (PluginDependency dependency : member.descriptor().depends()) {
                String id = Member.id(dependency.namespace(), dependency.name());
                if (byId.containsKey(id)) {
                    inSet.add(id);
                    dependents.computeIfAbsent(id, key -> new ArrayList<>()).add(member.id());
                }
            }
            waitingOn.put(member.id(), inSet);
        }
        PriorityQueue<Member> ready = new PriorityQueue<>(BY_ID);
        byId.values().stream().filter(member -> waitingOn.get(member.id()).isEmpty()).forEach(ready::add);
        List<Member> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            Member next = ready.poll();
            order.add(next);
            for (String dependent : dependents.getOrDefault(next.id(), List.of())) {
                Set<String> waiting = waitingOn.get(dependent);
                if (waiting.remove(next.id()) && waiting.isEmpty()) {
                    ready.add(byId.get(dependent));
                }
            }
        }
        if (order.size() < byId.size()) {
            throw new InvalidPluginException(cycles(byId, waitingOn));
        }
        return new BuildOrder(order);
    }

    /** One problem per cycle among the plugins left waiting, each named once, smallest first. */
    private static List<Problem> cycles(Map<String, Member> byId, Map<String, Set<String>> waitingOn) {
        List<Problem> problems = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (String start : byId.keySet()) {
            if (waitingOn.get(start).isEmpty() || named.contains(start)) {
                continue;
            }
            // Every plugin left waits on another one left: walking the smallest edge must come back round.
            List<String> path = new ArrayList<>();
            String current = start;
            while (!path.contains(current)) {
                path.add(current);
                current = waitingOn.get(current).stream().sorted().findFirst().orElseThrow();
            }
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
            if (cycle.stream().anyMatch(named::contains)) {
                continue;
            }
            named.addAll(cycle);
            cycle.add(cycle.get(0));
            Member first = byId.get(cycle.get(0));
            problems.add(new Problem(Severity.ERROR, first.directory().resolve(PluginReader.PLUGIN_YML).toString(),
                    0, 0, "depends", null, "forms a cycle: " + String.join(" -> ", cycle)
                            + ": no plugin in it can be built before the others"));
        }
        return problems;
    }
}
