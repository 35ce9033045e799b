"""An MCP client, the official Python SDK's, driving `fnox mcp` over stdio for tests/cli/mcp.rs.

Usage: python3 mcp_client.py FNOX_BINARY < plan.json

The plan: {"args": [fnox arguments before `mcp`], "env": {extra variables for fnox},
"calls": [[tool name, {arguments}], ...]}. Prints one JSON object: the server's name and
protocol version from the handshake, the tools it lists (name -> input schema), and each call's
outcome in order: {"is_error", "text", "structured"} for a tool result, {"rpc_error": message}
for a protocol-level refusal.
"""

import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp import MCPError


async def main() -> None:
    fnox = sys.argv[1]
    plan = json.load(sys.stdin)
    server = StdioServerParameters(
        command=fnox,
        args=[*plan.get("args", []), "mcp"],
        env=plan.get("env") or None,
        cwd=os.getcwd(),
    )
    report = {}
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            report["server"] = init.server_info.name
            report["protocol"] = init.protocol_version
            listed = await session.list_tools()
            report["tools"] = {t.name: t.input_schema for t in listed.tools}
            results = []
            for name, arguments in plan.get("calls", []):
                try:
                    r = await session.call_tool(name, arguments)
                except MCPError as e:
                    results.append({"rpc_error": e.error.message})
                    continue
                text = "".join(c.text for c in r.content if c.type == "text")
                results.append(
                    {"is_error": bool(r.is_error), "text": text, "structured": r.structured_content}
                )
            report["results"] = results
    json.dump(report, sys.stdout)


asyncio.run(main())
