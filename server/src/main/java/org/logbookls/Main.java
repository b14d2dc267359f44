package org.logbookls;

import java.util.Arrays;
import java.util.List;
import org.logbookls.cli.CheckCommand;
import org.logbookls.cli.OutlineCommand;
import org.logbookls.lsp.ServerLauncher;

/**
 * The executable jar's entry point: {@code check ...} runs the CLI; no arguments (or
 * {@code --stdio}) start the language server on standard input and output.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("check")) {
            System.exit(new CheckCommand(System.out, System.err).run(arguments.subList(1, arguments.size())));
        }
        if (!arguments.isEmpty() && arguments.get(0).equals("outline")) {
            System.exit(new OutlineCommand(System.out, System.err).run(arguments.subList(1, arguments.size())));
        }
        if (arguments.contains("--version")) {
            System.out.println("logbook-ls " + version());
            return;
        }
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("logbook-ls " + version() + ": a language server and checker for Markdown logbooks.");
            System.out.println("Run without arguments (or with --stdio) to speak LSP over standard input and output.");
            System.out.println("Run 'check --help' for the command-line checker.");
            return;
        }
        ServerLauncher.launch(System.in, System.out);
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
