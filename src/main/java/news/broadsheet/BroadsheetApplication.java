package news.broadsheet;

import java.io.Console;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import news.broadsheet.backup.BackupCommand;
import news.broadsheet.backup.RestoreCommand;
import news.broadsheet.importer.WordPressExportCommand;
import news.broadsheet.importer.WordPressImportCommand;
import news.broadsheet.site.DataStoreUnusableException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Broadsheet: the public news site and the newsroom behind it. An argument naming a command
 * ({@code import-wordpress}, {@code export-wordpress}, {@code backup}; settings may come before or
 * after it) runs that command instead, without the web server, schedulers, search index or
 * start-up content, so it can run beside the site; {@code restore} runs with the settings only, not
 * the application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BroadsheetApplication {

    /** A command-line tool: checks its own arguments first, then runs with the application started. */
    interface Command {
        /** @throws IllegalArgumentException with a one-line reason, before anything starts */
        Object check(List<String> args);

        int run(ConfigurableApplicationContext context, Object checked);

        /** What the command's context is built from: the whole application unless it says otherwise. */
        default Class<?> source() {
            return BroadsheetApplication.class;
        }
    }

    static final Map<String, Command> COMMANDS = Map.of(
            WordPressImportCommand.NAME,
            new Command() {
                @Override
                public Object check(List<String> args) {
                    return WordPressImportCommand.parse(args);
                }

                @Override
                public int run(ConfigurableApplicationContext context, Object checked) {
                    return context.getBean(WordPressImportCommand.class)
                            .run((WordPressImportCommand.Arguments) checked, System.out, System.err, terminal());
                }
            },
            WordPressExportCommand.NAME,
            new Command() {
                @Override
                public Object check(List<String> args) {
                    return WordPressExportCommand.parse(args);
                }

                @Override
                public int run(ConfigurableApplicationContext context, Object checked) {
                    return context.getBean(WordPressExportCommand.class)
                            .run((java.nio.file.Path) checked, System.out, System.err);
                }
            },
            BackupCommand.NAME,
            new Command() {
                @Override
                public Object check(List<String> args) {
                    return BackupCommand.parse(args);
                }

                @Override
                public int run(ConfigurableApplicationContext context, Object checked) {
                    return context.getBean(BackupCommand.class)
                            .run((java.nio.file.Path) checked, System.out, System.err);
                }
            },
            RestoreCommand.NAME,
            new Command() {
                @Override
                public Object check(List<String> args) {
                    return RestoreCommand.parse(args);
                }

                @Override
                public int run(ConfigurableApplicationContext context, Object checked) {
                    return RestoreCommand.run(
                            context.getEnvironment(), (java.nio.file.Path) checked, System.out, System.err);
                }

                @Override
                public Class<?> source() {
                    // An empty database cannot start the application (nothing is migrated yet).
                    return RestoreCommand.Settings.class;
                }
            });

    /** What a command turns off: it shares the database with the running site and nothing else. */
    static final Map<String, Object> COMMAND_PROPERTIES = Map.of(
            // The web layer is built (its beans need it) but no port is opened.
            "server.port", "-1",
            "broadsheet.demo-content.enabled", "false",
            "broadsheet.scheduling.enabled", "false",
            "broadsheet.search.index.enabled", "false",
            // Upgrading the database (and compacting it) would hold the running site's writers off.
            "broadsheet.database.upgrade", "false",
            "logging.level.root", "ERROR",
            "spring.main.log-startup-info", "false");

    /** Whether stderr is a terminal, where a progress bar can redraw itself. */
    static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Console.isTerminal() arrived in Java 22; before it, a console meant a terminal.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public static void main(String[] args) {
        String[] commandLine;
        try {
            commandLine = commandFirst(args);
        } catch (IllegalArgumentException e) {
            System.err.println("broadsheet: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (commandLine != null) {
            int status;
            try {
                status = command(commandLine);
            } catch (Throwable e) {
                // Whatever happened, the command ends: no thread left behind may keep the JVM up.
                System.err.println(commandLine[0] + ": failed: " + e);
                status = 1;
            }
            System.exit(status);
        }
        SpringApplication.run(BroadsheetApplication.class, args);
    }

    /**
     * The arguments with the command they name moved first, or null when they name none (only
     * settings and switches, {@code --name=value} or {@code --name}: the site starts). Settings
     * may come before the command as well as after it: a start that took them for the site's own
     * would serve the site and silently skip the import the operator asked for.
     *
     * @throws IllegalArgumentException when the first word is not a command (a misspelt one, or a
     *     setting without its {@code --})
     */
    static String @Nullable [] commandFirst(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                continue;
            }
            if (!COMMANDS.containsKey(args[i])) {
                throw new IllegalArgumentException("there is no command \"" + args[i] + "\"; the commands are "
                        + String.join(", ", new TreeSet<>(COMMANDS.keySet()))
                        + ", and settings are written --name=value");
            }
            List<String> reordered = new ArrayList<>();
            reordered.add(args[i]);
            reordered.addAll(Arrays.asList(args).subList(0, i));
            reordered.addAll(Arrays.asList(args).subList(i + 1, args.length));
            return reordered.toArray(String[]::new);
        }
        return null;
    }

    /** Of the command's settings, those an operator may change: how much it logs, to find out why it fails. */
    private static final Set<String> COMMAND_LOGGING = Set.of("logging.level.root", "spring.main.log-startup-info");

    /**
     * The given settings and the command's own, which win over application.properties. Where both
     * say the same setting, one wins, as a setting given twice is read as both ("0,-1" for a port)
     * and fails: the command's, except for how much it logs.
     */
    private static String[] withCommandSettings(List<String> settings) {
        List<String> all = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (String setting : settings) {
            String key = setting.substring(2, setting.indexOf('='));
            given.add(key);
            if (!COMMAND_PROPERTIES.containsKey(key) || COMMAND_LOGGING.contains(key)) {
                all.add(setting);
            }
        }
        COMMAND_PROPERTIES.forEach((key, value) -> {
            if (!(COMMAND_LOGGING.contains(key) && given.contains(key))) {
                all.add("--" + key + "=" + value);
            }
        });
        return all.toArray(String[]::new);
    }

    /** Runs the command named by the first argument; returns its exit status (2: wrong arguments). */
    public static int command(String[] args) {
        String name = args[0];
        Command command = COMMANDS.get(name);
        // --name=value arguments are settings (the database, the data folder); the rest are the command's.
        List<String> own = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            if (arg.startsWith("--") && arg.contains("=") && !arg.startsWith("--media=")) {
                settings.add(arg);
            } else {
                own.add(arg);
            }
        }
        Object checked;
        try {
            checked = command.check(own);
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            return 2;
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(command.source());
        if (command.source() != BroadsheetApplication.class) {
            builder.web(WebApplicationType.NONE);
        }
        try (ConfigurableApplicationContext context =
                builder.bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(withCommandSettings(settings))) {
            return command.run(context, checked);
        } catch (RuntimeException e) {
            System.err.println(name + ": could not start: " + reason(e));
            return 1;
        }
    }

    /** Why a command could not start: the data store's own explanation where there is one. */
    private static String reason(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataStoreUnusableException unusable) {
                return unusable.getMessage() + " " + unusable.action();
            }
        }
        return e.getMessage();
    }
}
