namespace AfirGen.PerfGate.Reports;

/// <summary>The HTML report's inline style sheet: one palette for light, one for dark.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
          --regressed: #cf222e; --sla-violated: #bc4c00; --failed: #a40e26; --improved: #1a7f37; --inconclusive: #9a6700;
          --new: #0969da; --missing: #6e7781; --unchanged: #8c959f; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
            --regressed: #ff7b72; --sla-violated: #f0883e; --failed: #ff4d5e; --improved: #3fb950; --inconclusive: #d29922;
            --new: #58a6ff; --missing: #9198a1; --unchanged: #6e7681; }
        }
        body { background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px; padding: 16px 24px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
        .muted, footer { color: var(--muted); } footer { margin-top: 28px; font-size: 12px; }
        .banner { border-radius: 8px; padding: 14px 18px; border: 2px solid; background: var(--panel); }
        .banner.pass { border-color: var(--improved); } .banner.warn { border-color: var(--inconclusive); } .banner.fail { border-color: var(--regressed); }
        .counts { list-style: none; display: flex; flex-wrap: wrap; gap: 8px; padding: 0; }
        .counts li { border: 1px solid var(--line); border-radius: 999px; padding: 2px 12px; border-left: 6px solid var(--c); }
        .v-regressed { --c: var(--regressed); } .v-sla-violated { --c: var(--sla-violated); } .v-failed { --c: var(--failed); }
        .v-improved { --c: var(--improved); } .v-inconclusive { --c: var(--inconclusive); } .v-new { --c: var(--new); }
        .v-missing { --c: var(--missing); } .v-unchanged { --c: var(--unchanged); }
        svg { max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
        svg text { fill: var(--fg); } svg .tick { fill: var(--muted); }
        .chart .grid { stroke: var(--line); stroke-dasharray: 2 3; } .chart .axis { stroke: var(--fg); }
        .chart .bar { fill: var(--c); opacity: 0.8; } .chart .whisker { stroke: var(--fg); stroke-width: 1.5; fill: none; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 12px; }
        figure { margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 6px; border-left: 4px solid var(--c); }
        figcaption { font-size: 12px; overflow-wrap: anywhere; margin-bottom: 4px; }
        .dist circle { opacity: 0.45; } .side-baseline circle { fill: var(--muted); } .side-current circle { fill: var(--c); }
        .dist .box { fill: none; stroke: var(--fg); } .dist .median { stroke: var(--fg); stroke-width: 2; }
        path.off-axis { fill: none; stroke: var(--fg); stroke-width: 1.5; } .chart .bar-edge { stroke: var(--c); stroke-width: 2.5; }
        .chart .off-axis-value { font-size: 10px; font-weight: 600; }
        .load-scenario { --c: var(--line); } .load .grid { stroke: var(--line); stroke-dasharray: 2 3; }
        .load polyline { fill: none; stroke: var(--s); stroke-width: 2; } .load g line { stroke: var(--s); stroke-width: 2; } .load circle { fill: var(--s); }
        .load .baseline polyline, .load .baseline line { stroke-dasharray: 5 4; opacity: 0.75; } .load .baseline circle { fill: var(--bg); stroke: var(--s); }
        .load .p50 { --s: var(--new); } .load .p95 { --s: var(--inconclusive); } .load .p99 { --s: var(--regressed); }
        .load .throughput { --s: var(--improved); } .load .legend { --s: var(--muted); }
        #results { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: var(--panel); position: sticky; top: 0; } td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.id { overflow-wrap: anywhere; min-width: 240px; max-width: 420px; }
        .pill { display: inline-block; border-radius: 999px; padding: 0 8px; color: var(--bg); background: var(--c); font-size: 12px; white-space: nowrap; }

        """;
}
