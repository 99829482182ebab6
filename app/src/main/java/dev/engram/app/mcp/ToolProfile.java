package dev.engram.app.mcp;

import dev.engram.app.server.security.Caller;
import dev.engram.app.server.security.Role;
import java.util.List;

/**
 * Which tools a caller is offered, so a model never sees a tool its key cannot use: the write tools only for write
 * keys, raw Cypher only for unrestricted keys (the rule of {@code /api/cypher}). Every tool still checks the caller
 * itself through the services it calls.
 */
record ToolProfile(boolean write, boolean unrestricted) {

    /** Every profile, one MCP server each on {@code /mcp}. */
    static final List<ToolProfile> ALL = List.of(new ToolProfile(false, false), new ToolProfile(false, true),
            new ToolProfile(true, false), new ToolProfile(true, true));

    /** The profile of this caller. */
    static ToolProfile of(Caller caller) {
        return new ToolProfile(caller.role() == Role.WRITE, caller.unrestricted());
    }
}
