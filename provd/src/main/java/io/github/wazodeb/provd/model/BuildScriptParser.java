package io.github.wazodeb.provd.model;

import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import io.github.wazodeb.provd.model.PythonLines.Kind;
import io.github.wazodeb.provd.model.PythonLines.Line;
import io.github.wazodeb.provd.model.PythonLines.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a family's {@code build.py} without running it: each {@code @target(...)} declaration, and whether
 * the function it decorates only copies folders with {@code check_call(['rsync', ...])} calls wazo-deb
 * reproduces (then their options, rules and sources, in order) or does anything else (then it must run
 * through Python). Only literal arguments are read: a target id built by an expression is reported.
 */
public final class BuildScriptParser {

    /** What a read gives: the script when its declarations are readable, and every problem found. */
    public record Result(Optional<BuildScript> script, List<Problem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** A value of a call's argument list: a string literal, the target function's output-folder parameter, or anything else. */
    private record Arg(String literal, boolean isOutput, int line) {

        boolean isLiteral() {
            return literal != null;
        }
    }

    private static final Set<String> CALLS = Set.of("check_call", "call", "run", "check_output", "Popen");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private BuildScriptParser(String file) {
        this.file = file;
    }

    /** @param file the file as messages name it (relative to the tree) */
    public static Result parse(String source, String file) {
        return new BuildScriptParser(file).parse(source);
    }

    private Result parse(String source) {
        List<Line> lines;
        try {
            lines = PythonLines.split(source);
        } catch (PythonLines.SyntaxException e) {
            return new Result(Optional.empty(), List.of(error(e.line(), "", e.getMessage())));
        }
        List<TargetDeclaration> targets = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            List<Token> tokens = line.tokens();
            if (line.indent() != 0 || tokens.size() < 2 || !tokens.get(0).isOp("@")
                    || !tokens.get(1).is(Kind.NAME, "target")) {
                continue;
            }
            int def = i + 1;
            while (def < lines.size() && lines.get(def).indent() == 0 && lines.get(def).tokens().get(0).isOp("@")) {
                def++;
            }
            if (def >= lines.size() || !lines.get(def).tokens().get(0).is(Kind.NAME, "def")) {
                problems.add(error(line.number(), "target", "must decorate a function (def ...)"));
                continue;
            }
            int end = def + 1;
            while (end < lines.size() && lines.get(end).indent() > 0) {
                end++;
            }
            declaration(line, lines.get(def), lines.subList(def + 1, end)).ifPresent(target -> {
                if (!ids.add(target.id())) {
                    problems.add(error(target.line(), "target", "\"" + target.id() + "\" is declared twice"));
                } else {
                    targets.add(target);
                }
            });
            i = end - 1;
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new BuildScript(file, targets)), List.of());
    }

    private Optional<TargetDeclaration> declaration(Line decorator, Line def, List<Line> body) {
        List<Token> tokens = decorator.tokens();
        if (tokens.size() < 3 || !tokens.get(2).isOp("(") || !tokens.get(tokens.size() - 1).isOp(")")) {
            problems.add(error(decorator.number(), "target", "must be called as @target('<target id>', '<plugin id>')"));
            return Optional.empty();
        }
        String id = null;
        String pluginId = null;
        boolean standardDirectories = true;
        int position = 0;
        for (List<Token> argument : splitArguments(tokens.subList(3, tokens.size() - 1))) {
            String keyword = null;
            List<Token> value = argument;
            if (argument.size() > 2 && argument.get(0).kind() == Kind.NAME && argument.get(1).isOp("=")) {
                keyword = argument.get(0).text();
                value = argument.subList(2, argument.size());
            }
            String slot = keyword != null ? keyword : switch (position++) {
                case 0 -> "target_id";
                case 1 -> "pg_id";
                case 2 -> "std_dirs";
                default -> "?";
            };
            switch (slot) {
                case "target_id" -> id = literal(value, decorator.number(), "target id");
                case "pg_id", "plugin_id" -> pluginId = literal(value, decorator.number(), "plugin id");
                case "std_dirs" -> {
                    if (value.size() == 1 && value.get(0).is(Kind.NAME, "False")) {
                        standardDirectories = false;
                    } else if (value.size() != 1 || !value.get(0).is(Kind.NAME, "True")) {
                        problems.add(error(decorator.number(), "std_dirs", "must be True or False"));
                    }
                }
                default -> problems.add(error(decorator.number(), "target",
                        "takes a target id, a plugin id and std_dirs, not " + (keyword != null ? keyword : "a 4th argument")));
            }
        }
        if (id == null || pluginId == null) {
            if (problems.isEmpty()) {
                problems.add(error(decorator.number(), "target", "needs a target id and a plugin id"));
            }
            return Optional.empty();
        }
        if (!pluginId.matches("[A-Za-z0-9][A-Za-z0-9._+-]*")) {
            problems.add(new Problem(Severity.ERROR, file, decorator.number(), 0, "plugin id",
                    pluginId, "must be a folder name of letters, digits, '.', '_', '+' and '-'"));
            return Optional.empty();
        }
        return Optional.of(new TargetDeclaration(id, pluginId, standardDirectories, decorator.number(),
                recipe(def, body)));
    }

    /** Copy when every statement is a supported rsync call, else Script with the first one that is not. */
    private TargetRecipe recipe(Line def, List<Line> body) {
        List<Token> signature = def.tokens();
        String output = signature.size() > 4 && signature.get(3).kind() == Kind.NAME ? signature.get(3).text() : null;
        List<List<Token>> statements = new ArrayList<>();
        int colon = signatureEnd(signature);
        if (colon + 1 < signature.size()) {
            statements.add(signature.subList(colon + 1, signature.size()));
        }
        body.forEach(line -> statements.add(line.tokens()));
        List<RsyncCall> calls = new ArrayList<>();
        String reason = null;
        for (List<Token> statement : statements) {
            if (statement.size() == 1 && (statement.get(0).kind() == Kind.STRING
                    || statement.get(0).is(Kind.NAME, "pass"))) {
                continue;
            }
            String problem = rsyncCall(statement, output, calls);
            if (problem != null && reason == null) {
                reason = "line " + statement.get(0).line() + ": " + problem;
            }
        }
        if (reason == null && output == null) {
            reason = "line " + def.number() + ": the function takes no output folder";
        }
        if (reason == null && calls.isEmpty()) {
            reason = "line " + def.number() + ": the function copies nothing";
        }
        return reason == null ? new TargetRecipe.Copy(calls) : new TargetRecipe.Script(reason, programs(statements));
    }

    private static int signatureEnd(List<Token> signature) {
        int depth = 0;
        for (int i = 0; i < signature.size(); i++) {
            Token token = signature.get(i);
            if (token.isOp("(") || token.isOp("[")) {
                depth++;
            } else if (token.isOp(")") || token.isOp("]")) {
                depth--;
            } else if (depth == 0 && token.isOp(":") && i > 2 && !signature.get(i - 1).isOp("-")) {
                return i;
            }
        }
        return signature.size();
    }

    /** Adds the statement's rsync call to {@code calls}, or says why it is not one wazo-deb copies itself. */
    private static String rsyncCall(List<Token> statement, String output, List<RsyncCall> calls) {
        int start = 0;
        if (statement.size() > 2 && statement.get(0).is(Kind.NAME, "subprocess") && statement.get(1).isOp(".")) {
            start = 2;
        }
        int last = statement.size() - 1;
        if (statement.size() < start + 5 || !statement.get(start).is(Kind.NAME, "check_call")
                || !statement.get(start + 1).isOp("(") || !statement.get(start + 2).isOp("[")
                || !statement.get(last).isOp(")") || !statement.get(last - 1).isOp("]")) {
            return "not a check_call([...]) of rsync";
        }
        List<Arg> args = new ArrayList<>();
        for (List<Token> item : splitArguments(statement.subList(start + 3, last - 1))) {
            if (item.size() == 1 && item.get(0).kind() == Kind.NAME && item.get(0).text().equals(output)) {
                args.add(new Arg(null, true, item.get(0).line()));
            } else {
                args.add(new Arg(concatenated(item), false, item.get(0).line()));
            }
        }
        if (args.isEmpty() || !"rsync".equals(args.get(0).literal())) {
            return "runs " + (args.isEmpty() || !args.get(0).isLiteral() ? "a computed command" : args.get(0).literal());
        }
        return RsyncOptions.read(args.subList(1, args.size()).stream()
                .map(arg -> arg.isOutput() ? null : arg.isLiteral() ? arg.literal() : RsyncOptions.NOT_LITERAL)
                .toList(), statement.get(0).line(), calls);
    }

    /** The programs a script target's code calls with a literal command name, for the message when one is missing. */
    private static List<String> programs(List<List<Token>> statements) {
        Set<String> programs = new LinkedHashSet<>();
        for (List<Token> statement : statements) {
            for (int i = 0; i + 3 < statement.size(); i++) {
                if (statement.get(i).kind() == Kind.NAME && CALLS.contains(statement.get(i).text())
                        && statement.get(i + 1).isOp("(") && statement.get(i + 2).isOp("[")
                        && statement.get(i + 3).kind() == Kind.STRING) {
                    programs.add(statement.get(i + 3).text());
                }
            }
        }
        return List.copyOf(programs);
    }

    /** Splits tokens on the commas at bracket depth 0, dropping a trailing empty item. */
    private static List<List<Token>> splitArguments(List<Token> tokens) {
        List<List<Token>> items = new ArrayList<>();
        int depth = 0;
        int begin = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isOp("(") || token.isOp("[") || token.isOp("{")) {
                depth++;
            } else if (token.isOp(")") || token.isOp("]") || token.isOp("}")) {
                depth--;
            } else if (depth == 0 && token.isOp(",")) {
                items.add(tokens.subList(begin, i));
                begin = i + 1;
            }
        }
        if (begin < tokens.size()) {
            items.add(tokens.subList(begin, tokens.size()));
        }
        items.removeIf(List::isEmpty);
        return items;
    }

    /** The value of adjacent string literals ({@code 'a' 'b'}), or null when the item is anything else. */
    private static String concatenated(List<Token> item) {
        StringBuilder value = new StringBuilder();
        for (Token token : item) {
            if (token.kind() != Kind.STRING) {
                return null;
            }
            value.append(token.text());
        }
        return value.toString();
    }

    private String literal(List<Token> value, int line, String what) {
        String text = concatenated(value);
        if (text == null || text.isEmpty()) {
            problems.add(error(line, what, "must be a non-empty string literal"));
        }
        return text;
    }

    private Problem error(int line, String key, String rule) {
        return PluginInfoReader.error(file, line, key, rule);
    }
}
