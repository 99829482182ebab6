package dev.engram.app.mcp;

import dev.engram.app.server.InputLimits;
import dev.engram.app.server.cypher.CypherRunner;
import dev.engram.app.server.graph.GraphQueries;
import dev.engram.app.server.jobs.DocumentCatalog;
import dev.engram.app.server.jobs.IngestJobs;
import dev.engram.app.server.query.Answerer;
import dev.engram.app.server.security.Caller;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Engram as an MCP server: builds one server (tools, resources, the cited-answer prompt) for a transport and for
 * what its callers may do. Every tool calls the same service as the REST endpoint it mirrors, so results agree and
 * there is one access rule.
 */
@Component
public class EngramMcp {
    static final String INSTRUCTIONS = """
            Engram is a knowledge graph built from documents: passages (chunks), the entities they mention and the \
            facts (subject, predicate, object) extracted from them. To answer a question, call retrieve and cite \
            passages by their [n]; to explore, use search_entities, then get_entity, neighbourhood or find_paths; \
            get_chunk and get_document read the sources. graph_schema describes the graph.""";

    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final ToolReplies replies = new ToolReplies(json);
    private final QueryTools query;
    private final ExploreTools explore;
    private final CypherTool cypher;
    private final WriteTools write;
    private final GraphQueries graph;
    private final GraphSchema schema;
    private final Answerer answerer;
    private final InputLimits limits;
    private final String version;

    EngramMcp(GraphQueries graph, Answerer answerer, CypherRunner cypher, DocumentCatalog documents, IngestJobs jobs,
              GraphSchema schema, McpSettings settings, InputLimits limits) {
        this.graph = graph;
        this.schema = schema;
        this.answerer = answerer;
        this.limits = limits;
        this.query = new QueryTools(answerer, limits);
        this.explore = new ExploreTools(graph, documents, schema);
        this.cypher = new CypherTool(cypher);
        this.write = new WriteTools(jobs, documents, settings, json);
        String v = EngramMcp.class.getPackage().getImplementationVersion();
        this.version = v == null ? "0.1.0" : v;
    }

    /** The JSON mapper the servers and transports share. */
    public McpJsonMapper json() {
        return json;
    }

    /** A Streamable HTTP server offering {@code profile}'s tools; each request's caller comes from its API key. */
    McpSyncServer http(McpStreamableServerTransportProvider transport, ToolProfile profile) {
        return build(McpServer.sync(transport), profile, McpCallers.fromTransport());
    }

    /** A stdio server for one local caller. */
    public McpSyncServer stdio(StdioServerTransportProvider transport, Caller caller) {
        return build(McpServer.sync(transport), ToolProfile.of(caller), McpCallers.fixed(caller));
    }

    /** The names of the tools {@code caller} is offered, in order. */
    public List<String> toolNames(Caller caller) {
        return tools(ToolProfile.of(caller)).stream().map(t -> t.tool().name()).toList();
    }

    private <S extends McpServer.SyncSpecification<S>> McpSyncServer build(S spec, ToolProfile profile, McpCallers callers) {
        EngramResources resources = new EngramResources(graph, schema, replies, callers);
        return spec.serverInfo("engram", version)
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .capabilities(ServerCapabilities.builder().tools(false).resources(false, false).prompts(false).build())
                .tools(tools(profile).stream().map(t -> bind(t, callers)).toList())
                .resources(resources.resources())
                .resourceTemplates(resources.templates())
                .prompts(List.of(new CitedAnswerPrompt(answerer, limits, callers).specification()))
                .build();
    }

    private List<EngramTool> tools(ToolProfile profile) {
        List<EngramTool> tools = new ArrayList<>(query.tools());
        tools.addAll(explore.tools());
        if (profile.unrestricted()) {
            tools.add(cypher.tool());
        }
        if (profile.write()) {
            tools.addAll(write.tools());
        }
        return tools;
    }

    private SyncToolSpecification bind(EngramTool tool, McpCallers callers) {
        String name = tool.tool().name();
        return SyncToolSpecification.builder().tool(tool.tool()).callHandler((exchange, request) -> replies.run(name,
                () -> tool.body().call(new ToolCall(callers.of(exchange), new ToolArguments(request.arguments()),
                        progress(exchange, request))))).build();
    }

    /** Progress notifications for a request that carries a progress token. */
    private static ToolCall.Progress progress(McpSyncServerExchange exchange, CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null) {
            return ToolCall.Progress.NONE;
        }
        return (done, total, message) -> exchange.progressNotification(new ProgressNotification(token, done, total, message));
    }
}
