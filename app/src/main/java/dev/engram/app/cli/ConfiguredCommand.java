package dev.engram.app.cli;

import dev.engram.app.config.EngramConfig;
import dev.engram.store.neo4j.GraphStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand that works on a store: the store options, and its configuration built from its flags. */
abstract class ConfiguredCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    /** This command's configuration: its flags over the environment over the defaults. */
    EngramConfig config() {
        return Commands.config(spec);
    }

    /** Opens this command's store, saying so when it works through another running Engram. */
    GraphStore openStore() {
        return Commands.openStore(spec);
    }
}
