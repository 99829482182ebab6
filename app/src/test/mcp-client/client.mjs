// Drives an MCP server with the official TypeScript SDK for app's tests (dev.engram.app.mcp.McpClientTest).
// Usage: node client.mjs <scenario.json>; the scenario names a transport and a list of steps, and this prints one
// JSON object: the server's info and each step's outcome ({ok: true, value} or {ok: false, error, code}).
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const options = { timeout: scenario.timeoutMillis ?? 180000 };

function transport(t) {
  if (t.type === 'http') {
    const headers = t.key ? { Authorization: `Bearer ${t.key}` } : {};
    return new StreamableHTTPClientTransport(new URL(t.url), { requestInit: { headers } });
  }
  if (t.type === 'stdio') {
    return new StdioClientTransport({ command: t.command, args: t.args, env: t.env, cwd: t.cwd, stderr: 'inherit' });
  }
  throw new Error(`unknown transport ${t.type}`);
}

async function step(client, s) {
  switch (s.op) {
    case 'listTools': return client.listTools(undefined, options);
    case 'callTool': {
      if (!s.progress) return client.callTool({ name: s.name, arguments: s.arguments ?? {} }, undefined, options);
      // asking for progress makes the SDK send a progress token; the notifications are kept beside the result
      const progress = [];
      const result = await client.callTool({ name: s.name, arguments: s.arguments ?? {} }, undefined,
        { ...options, onprogress: (p) => progress.push(p) });
      return { ...result, progressNotifications: progress };
    }
    case 'listResources': return client.listResources(undefined, options);
    case 'listResourceTemplates': return client.listResourceTemplates(undefined, options);
    case 'readResource': return client.readResource({ uri: s.uri }, options);
    case 'listPrompts': return client.listPrompts(undefined, options);
    case 'getPrompt': return client.getPrompt({ name: s.name, arguments: s.arguments ?? {} }, options);
    default: throw new Error(`unknown step ${s.op}`);
  }
}

const client = new Client({ name: 'engram-test', version: '0.0.0' });
const out = { results: [] };
try {
  await client.connect(transport(scenario.transport), options);
  out.serverInfo = client.getServerVersion();
  out.instructions = client.getInstructions();
  out.capabilities = client.getServerCapabilities();
  for (const s of scenario.steps) {
    try {
      out.results.push({ ok: true, value: await step(client, s) });
    } catch (e) {
      out.results.push({ ok: false, error: String(e?.message ?? e), code: e?.code ?? null });
    }
  }
} catch (e) {
  out.connectError = String(e?.message ?? e);
  out.connectCode = e?.code ?? null;
} finally {
  await client.close().catch(() => {});
}
process.stdout.write(JSON.stringify(out) + '\n');
