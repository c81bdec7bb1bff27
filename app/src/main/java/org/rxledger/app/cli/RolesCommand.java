package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.PermissionMatrix;
import org.rxledger.core.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rxledger roles}: the permission matrix, from the one place in core that decides it. Opens no data folder. */
@Command(name = "roles", description = "Print the roles and what each may do (the permission matrix).")
final class RolesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print [{\"role\", \"label\", \"description\", \"permissions\": [...]}].")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> roles = new ArrayList<>();
            for (Role r : Role.values()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("role", r.cliName());
                o.put("label", r.label());
                o.put("description", r.description());
                o.put("permissions", PermissionMatrix.permissionsOf(r).stream()
                        .map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
                roles.add(o);
            }
            CliOutput.json(out, roles);
            return 0;
        }
        for (Role r : Role.values()) {
            out.printf("%-18s %s: %s%n", r.cliName(), r.label(), r.description());
        }
        out.println();
        out.print(PermissionMatrix.render());
        out.println();
        for (Permission p : Permission.values()) {
            out.printf("%-34s %s%n", p.name().toLowerCase(Locale.ROOT).replace('_', '-'), p.description());
        }
        out.flush();
        return 0;
    }
}
