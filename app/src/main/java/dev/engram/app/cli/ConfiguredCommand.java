package dev.engram.app.cli;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.config.Setting;
import dev.engram.store.neo4j.GraphStore;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that works on a store: the store's settings as flags, the further settings it names, and its
 * configuration built from those flags.
 */
abstract class ConfiguredCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** The settings this command takes as flags besides the store's (made into options by {@link SettingOptions}). */
    Set<Setting> settings() {
        return Set.of();
    }

    /** This command's configuration: its flags over the environment over the defaults. */
    EngramConfig config() {
        return Commands.config(spec);
    }

    /** Opens this command's store, saying so when it works through another running Engram. */
    GraphStore openStore() {
        return Commands.openStore(spec);
    }
}
